import type { DemoAccount } from '../../../shared/domain/system';
import type { CoreDeps } from '../context';

// Apart from parts.ts (the list) and demo.ts (the runner), which import every part.

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

/** One feature's share of the demonstration. */
export interface DemoPart {
  label: string;
  run(ctx: DemoContext): Promise<void>;
}
