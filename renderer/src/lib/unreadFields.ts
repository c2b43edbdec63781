/**
 * A field whose text could not be read (a date typed 32/13/2026) keeps the last good value in the
 * form's state; submitting would save that stale value under a visible error. Forms call this first
 * and stop when it finds one: nothing is saved while an error is shown.
 */
export function focusUnreadField(form: EventTarget | null): boolean {
  if (!(form instanceof HTMLFormElement)) return false;
  const field = form.querySelector<HTMLElement>('[data-unread="true"]');
  field?.focus();
  return field !== null;
}
