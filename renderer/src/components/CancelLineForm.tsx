import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/contract/result';
import type { DataColumn } from './DataTable';
import { ErrorBanner } from './ErrorBanner';
import { Field } from './Field';

interface CancelLineFormProps {
  /** The form's accessible name. */
  label: string;
  /** The line to cancel and what its cancellation adds, in a sentence. */
  children: ReactNode;
  placeholder: string;
  running: boolean;
  error: ApiError | null;
  onConfirm(reason: string): void;
  onClose(): void;
}

/**
 * Asks why a recorded line is cancelled (an act, a dispensed medicine): a mirror line is added and
 * the original stays visible. « Garder la ligne », or Escape, closes it without cancelling.
 */
export function CancelLineForm({ label, children, placeholder, running, error, onConfirm, onClose }: CancelLineFormProps) {
  const [reason, setReason] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm(reason);
  }

  return (
    <form
      className="cancel-line"
      noValidate
      onSubmit={submit}
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <p>{children}</p>
      <div className="cancel-row">
        <Field
          autoFocus
          label="Motif de l’annulation"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error?.fields?.reason}
          placeholder={placeholder}
          required
        />
        <button type="submit" className="primary" disabled={running}>
          Confirmer l’annulation
        </button>
        <button type="button" onClick={onClose}>
          Garder la ligne
        </button>
      </div>
      {error && !error.fields?.reason ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

/** The « Correction » column of a table of lines: an « Annuler » button on each line still in force. */
export function cancelColumn<L extends { state: string }>(onCancel: (line: L) => void, buttonLabel: (line: L) => string): DataColumn<L> {
  return {
    key: 'action',
    header: 'Correction',
    actions: true,
    value: () => null,
    render: (l) =>
      l.state === 'active' ? (
        <button type="button" className="small-button" onClick={() => onCancel(l)} aria-label={buttonLabel(l)}>
          Annuler
        </button>
      ) : null,
    width: '7rem',
  };
}
