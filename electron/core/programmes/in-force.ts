import { tariffInForce } from '../../../shared/domain/reference';
import type { Programme } from '../../../shared/rules/programmes';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';
import { listProgrammes } from '../reference/programme-file';

/** The programmes in force on `date` (today when absent), in the list's order. */
export async function programmesInForce(ctx: ServiceContext, input: { date?: string | undefined }): Promise<Programme[]> {
  const date = input.date ?? isoToday(ctx.clock);
  return (await listProgrammes(ctx.db)).filter((p) => tariffInForce(p, date));
}
