import type { DemoAccount } from '../../../shared/api/system';
import type { CoreDeps } from '../context';
import { DomainError } from '../errors';
import { DEMO_PARTS } from './parts';

export interface DemoOptions {
  /** The month the demo activity falls in, YYYY-MM (default: the current month). */
  month?: string;
  episodes?: number;
  progress?: (done: number, total: number | null, label: string) => void;
  signal?: AbortSignal;
}

export interface DemoContext {
  deps: CoreDeps;
  options: Required<Pick<DemoOptions, 'month' | 'episodes'>>;
  accounts: DemoAccount[];
  /** Replaces the current part's progress label (to say what it did, or why it did nothing). */
  note(label: string): void;
}

/** Fills an empty database with a realistic facility; each feature adds its part to DEMO_PARTS. */
export async function runDemo(deps: CoreDeps, options: DemoOptions = {}): Promise<{ accounts: DemoAccount[] }> {
  const ctx: DemoContext = {
    deps,
    options: { month: options.month ?? deps.clock.now().toISOString().slice(0, 7), episodes: options.episodes ?? 120 },
    accounts: [],
    note: () => {},
  };
  for (const [i, part] of DEMO_PARTS.entries()) {
    if (options.signal?.aborted) throw new DomainError('CANCELLED', 'Démonstration annulée.');
    options.progress?.(i, DEMO_PARTS.length, part.label);
    ctx.note = (label) => options.progress?.(i, DEMO_PARTS.length, label);
    await part.run(ctx);
  }
  options.progress?.(DEMO_PARTS.length, DEMO_PARTS.length, 'Terminé');
  return { accounts: ctx.accounts };
}
