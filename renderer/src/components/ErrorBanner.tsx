import type { ApiError } from '../../../shared/contract/result';

/**
 * The message a user reads: for a refused input, the field's own French message, without the
 * contract's technical field name (« champ « recepisse » ») that the core message carries for logs
 * and the command line.
 */
export function userMessage(error: ApiError): string {
  const fieldMessages = Object.values(error.fields ?? {});
  if (error.code === 'INVALID_INPUT' && fieldMessages.length > 0 && /\(champ « /.test(error.message)) {
    const first = fieldMessages[0]!;
    return /[.!?]$/.test(first) ? first : `${first}.`;
  }
  return error.message;
}

/** A French error, said plainly, where the user is looking. */
export function ErrorBanner({ error }: { error: ApiError | null }) {
  if (!error) return null;
  // A job the user stopped himself is news, not a failure: no red.
  if (error.code === 'CANCELLED')
    return (
      <div className="banner" role="status">
        {userMessage(error)}
      </div>
    );
  return (
    <div className="banner banner-error" role="alert">
      {userMessage(error)}
    </div>
  );
}
