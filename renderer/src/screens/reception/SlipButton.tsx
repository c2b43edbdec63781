import { useEffect, useRef } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { downloadFile } from '../../lib/files';
import { useCommand } from '../../lib/useCommand';

/**
 * Produces the episode's admission slip (A5 PDF) and hands it to the system to open or save for
 * printing. `printNow` produces it at once (right after admitting). The button is never disabled
 * while it works, so the focus stays on it (a disabled button drops the focus to the page).
 */
export function SlipButton({
  episodeId,
  autoFocus = false,
  printNow = false,
}: {
  episodeId: number;
  autoFocus?: boolean;
  printNow?: boolean;
}) {
  const slip = useCommand('reception.slip');
  const run = slip.run;
  const printed = useRef(false);
  const print = () => {
    if (slip.running) return;
    void run({ episodeId }).then((file) => file && downloadFile(file));
  };
  useEffect(() => {
    if (!printNow || printed.current) return;
    printed.current = true;
    void run({ episodeId }).then((file) => file && downloadFile(file));
  }, [printNow, run, episodeId]);
  return (
    <>
      <button type="button" autoFocus={autoFocus} aria-disabled={slip.running} onClick={print}>
        {slip.running ? 'Préparation de la fiche…' : 'Imprimer la fiche d’admission'}
      </button>
      <ErrorBanner error={slip.error} />
    </>
  );
}
