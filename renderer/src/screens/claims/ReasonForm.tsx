import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';

interface Props {
  /** What is asked, in a sentence. */
  title: string;
  label: string;
  placeholder: string;
  confirm: string;
  pending: boolean;
  error: ApiError | null;
  onSubmit(reason: string): void;
  onCancel(): void;
}

/** A reason asked before a change to the claim (an exclusion, its cancellation); Escape gives up. */
export function ReasonForm({ title, label, placeholder, confirm, pending, error, onSubmit, onCancel }: Props) {
  const [reason, setReason] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(reason);
  }
  return (
    <form
      className="cancel-line"
      noValidate
      onSubmit={submit}
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p>{title}</p>
      <div className="cancel-row">
        <Field
          autoFocus
          label={label}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={error?.fields?.reason}
          placeholder={placeholder}
          required
        />
        <button type="submit" className="primary" disabled={pending}>
          {confirm}
        </button>
        <button type="button" onClick={onCancel}>
          Renoncer
        </button>
      </div>
      {error && !error.fields?.reason ? <ErrorBanner error={error} /> : null}
    </form>
  );
}
