import { useState } from 'react';
import { useCommand } from '../../lib/useCommand';
import { useImportUpload } from '../../lib/useImportUpload';
import { confirmationsAsked, NOTHING_CONFIRMED, type Confirmations } from './registry-confirmations';
import type { RegistryImportChoice } from './RegistryImportForm';

const NOTHING_CHOSEN: RegistryImportChoice = { file: null, signature: null, mode: 'delta', strict: false };

/**
 * The import of the ANAM's registry file: its form's choice, the upload, the import job (followed by
 * its id), its answer, and the confirmations a refused import asks for before it is tried again.
 */
export function useRegistryImport({ onStart, onFinished }: { onStart(): void; onFinished(): void }) {
  const [choice, setChoice] = useState(NOTHING_CHOSEN);
  const [missingFile, setMissingFile] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  /** What the administrator confirmed after the import asked (missing updates, mass strike-off). */
  const [confirmed, setConfirmed] = useState<Confirmations>(NOTHING_CONFIRMED);
  const upload = useImportUpload();
  const importCommand = useCommand('registry.import');
  const { error } = importCommand;
  const asked = error?.code === 'CONFLICT' ? confirmationsAsked(error.fields) : null;

  async function submit(dryRun: boolean, confirmations: Confirmations = NOTHING_CONFIRMED) {
    setConfirmed(confirmations);
    importCommand.reset();
    onStart();
    if (!choice.file) return setMissingFile(true);
    setMissingFile(false);
    const id = crypto.randomUUID();
    setJobId(id);
    try {
      const refs = await upload.run(choice.file, 'registre', choice.signature);
      if (refs) await importCommand.run({ ...refs, mode: choice.mode, strict: choice.strict, dryRun, ...confirmations, jobId: id });
    } finally {
      setJobId(null);
      onFinished();
    }
  }

  return {
    choice,
    setChoice,
    fileError: missingFile ? 'Choisissez le fichier du registre envoyé par l’ANAM (.csv ou .csv.gz).' : upload.error?.message,
    jobId,
    error,
    result: importCommand.result,
    asked,
    submit: (dryRun: boolean) => void submit(dryRun),
    /** Tries the refused import again with what it asked confirmed. */
    confirm: () => void submit(false, { ...confirmed, ...asked }),
  };
}
