import { personName } from '../../../shared/domain/registry';
import { deskCounts, type DeskCheckRow, type DeskDay, type RefusalCode } from '../../../shared/domain/reception';
import { isoToday } from '../clock';
import type { ServiceContext } from '../context';

/** The desk's checks and admission decisions of one day (today when absent), newest first, with the day's counts. */
export async function deskDay(ctx: ServiceContext, input: { day?: string | undefined }): Promise<DeskDay> {
  const { db } = ctx;
  const day = input.day ?? isoToday(ctx.clock);
  const rows = await db
    .selectFrom('reception_check as c')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .leftJoin('episode as e', 'e.id', 'c.episode_id')
    .leftJoin('app_user as u', 'u.login', 'c.by_login')
    .select([
      'c.id',
      'c.at',
      'c.kind',
      'c.outcome',
      'c.recepisse',
      'c.warnings',
      'c.identity_document',
      'c.identity_matches',
      'c.episode_id',
      'c.by_login',
      'p.family_name',
      'p.given_names',
      'e.number',
      'u.full_name',
    ])
    .where('c.day', '=', day)
    .orderBy('c.at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  const reasons = new Map<number, RefusalCode[]>();
  if (rows.length > 0) {
    const codes = await db
      .selectFrom('reception_check_reason as r')
      .innerJoin('reception_check as c', 'c.id', 'r.check_id')
      .select(['r.check_id', 'r.code'])
      .where('c.day', '=', day)
      .orderBy('r.id')
      .execute();
    for (const { check_id, code } of codes) reasons.set(check_id, [...(reasons.get(check_id) ?? []), code as RefusalCode]);
  }
  const list: DeskCheckRow[] = rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    outcome: r.outcome,
    recepisse: r.recepisse,
    patient: r.family_name === null ? null : personName(r.family_name, r.given_names ?? '').trim(),
    reasons: reasons.get(r.id) ?? [],
    warnings: JSON.parse(r.warnings) as string[],
    identityDocument: r.identity_document as DeskCheckRow['identityDocument'],
    identityMatches: r.identity_matches === null ? null : r.identity_matches === 1,
    episodeId: r.episode_id,
    episodeNumber: r.number,
    agent: r.by_login,
    agentName: r.full_name,
  }));
  return { day, rows: list, counts: deskCounts(list) };
}
