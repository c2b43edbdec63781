import type { RegistryOverview } from '../../../../shared/domain/registry-import';
import { formatDateTime, formatNumber } from '../../lib/format';

/** How many people the local registry holds, when it was last imported, and a warning when it is too old. */
export function RegistryStatus({ overview }: { overview: RegistryOverview | null }) {
  if (!overview) return null;
  const lastImport = overview.lastImportAt;
  const ageDays = overview.lastImportAgeDays;
  return (
    <>
      <p>
        <strong>{formatNumber(overview.persons)}</strong> personne(s) dans le registre local.{' '}
        {lastImport
          ? `Dernier import réussi le ${formatDateTime(lastImport)} (il y a ${ageDays === 0 ? 'moins d’un jour' : `${ageDays} jour(s)`}).`
          : 'Aucun import réussi pour l’instant.'}
      </p>
      {overview.stale ? (
        <p className="banner banner-warn">
          {lastImport === null || overview.persons === 0
            ? 'Registre vide : importez le fichier de l’ANAM, sans lui l’accueil ne peut reconnaître aucun bénéficiaire.'
            : `Registre ancien (plus de ${overview.freshnessDays} jours) : importez le dernier fichier de l’ANAM pour que l’accueil décide sur des données à jour.`}
        </p>
      ) : null}
    </>
  );
}
