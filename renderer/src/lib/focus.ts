/** How long an action's target may take to appear (a reload, the next version of a claim). */
const WAIT_MS = 3000;

/**
 * Gives the focus to what an action leads to (the next field, the new row, the heading of what
 * opened) once React has drawn it, so that the focus never falls to the page body when the form or
 * row that had it goes away. `find` is asked again at each frame until it answers an element on
 * screen. A heading or section gets `tabindex="-1"`: it can hold the focus without becoming a Tab
 * stop. Nothing is done if the agent has meanwhile put the focus somewhere else.
 */
export function focusWhenDrawn(find: () => HTMLElement | null | undefined): void {
  const before = document.activeElement;
  const until = performance.now() + WAIT_MS;
  const attempt = () => {
    const now = document.activeElement;
    if (now && now !== document.body && now !== before) return;
    const target = find();
    if (target?.isConnected && target.getClientRects().length > 0) {
      if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.tabIndex = -1;
      target.focus();
      return;
    }
    if (performance.now() < until) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
