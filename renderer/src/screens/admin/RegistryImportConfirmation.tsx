import type { Confirmations } from './registry-confirmations';

/** A refused import the administrator may still confirm: missing updates, or striking off the absent. */
export function RegistryImportConfirmation({ asked, onConfirm }: { asked: Confirmations; onConfirm(): void }) {
  return (
    <div className="banner banner-warn" role="group" aria-label="Confirmation demandée">
      <p>Le fichier n’a pas été importé : lisez le message ci-dessus. Pour l’importer quand même, confirmez.</p>
      <button type="button" className="primary" onClick={onConfirm}>
        {asked.force ? 'Je confirme la radiation des absents et j’importe' : 'Je confirme malgré les mises à jour manquantes et j’importe'}
      </button>
    </div>
  );
}
