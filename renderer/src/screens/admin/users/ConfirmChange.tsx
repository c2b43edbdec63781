import type { ReactNode } from 'react';
import type { ApiError } from '../../../../../shared/contract/result';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';

interface Props {
  title: string;
  /** What the change does, said before it is done. */
  children: ReactNode;
  confirm: string;
  danger?: boolean;
  running: boolean;
  error: ApiError | null;
  onConfirm(): void;
  onCancel(): void;
}

/** A change to an account asked once more: the confirm button has the focus, Escape or « Annuler » gives up. */
export function ConfirmChange({ title, children, confirm, danger = false, running, error, onConfirm, onCancel }: Props) {
  return (
    <Dialog title={title} onClose={onCancel}>
      <p>{children}</p>
      <ErrorBanner error={error} />
      <div className="actions">
        <button type="button" className={danger ? 'primary danger' : 'primary'} onClick={onConfirm} disabled={running} autoFocus>
          {confirm}
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </Dialog>
  );
}
