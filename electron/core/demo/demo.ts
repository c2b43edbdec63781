import type { DemoAccount } from '../../../shared/domain/system';
import type { CoreDeps } from '../context';
import { DomainError } from '../errors';
import type { DemoContext, DemoOptions } from './part';
import { DEMO_PARTS } from './parts';

export type { DemoContext, DemoOptions };

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
