/** Long jobs in flight, by the id the window chose, so that `jobs.cancel` can reach them. */
export class JobRegistry {
  readonly #running = new Map<string, AbortController>();

  start(jobId: string): AbortController {
    this.#running.get(jobId)?.abort();
    const controller = new AbortController();
    this.#running.set(jobId, controller);
    return controller;
  }

  finish(jobId: string, controller: AbortController): void {
    if (this.#running.get(jobId) === controller) this.#running.delete(jobId);
  }

  cancel(jobId: string): boolean {
    const controller = this.#running.get(jobId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}
