import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { downloadFile } from '../../lib/files';
import { useCall } from '../../lib/useCall';

/** Produces the episode's admission slip (A5 PDF) and hands it to the system to open or save for printing. */
export function SlipButton({ episodeId, autoFocus = false }: { episodeId: number; autoFocus?: boolean }) {
  const slip = useCall(ramed.reception.slip);
  return (
    <>
      <button
        type="button"
        autoFocus={autoFocus}
        disabled={slip.pending}
        onClick={() => void slip.run({ episodeId }).then((file) => file && downloadFile(file))}
      >
        {slip.pending ? 'Préparation de la fiche…' : 'Imprimer la fiche d’admission'}
      </button>
      <ErrorBanner error={slip.error} />
    </>
  );
}
