import type { ApiError } from '../../../shared/result';

/** A French error, said plainly, where the user is looking. */
export function ErrorBanner({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      {error.message}
    </div>
  );
}
