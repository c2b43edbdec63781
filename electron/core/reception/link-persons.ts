import type { ServiceContext } from '../context';

/**
 * Emergencies admitted although the registry held no row for their récépissé wait for their
 * person; once a registry import brings the récépissé, each is linked to it: `person_id` was null
 * (nothing claimed is overwritten) and the moment is recorded in `person_linked_at`. Whether the
 * episode is regularised stays the rule's decision (shared/rules/regularisation.ts). Answers how
 * many episodes were linked.
 */
export async function linkArrivedPersons(ctx: ServiceContext): Promise<number> {
  const { db } = ctx;
  const at = ctx.clock.now().toISOString();
  const waiting = await db
    .selectFrom('episode')
    .innerJoin('person', 'person.recepisse', 'episode.recepisse')
    .select(['episode.id', 'person.id as person_id'])
    .where('episode.person_id', 'is', null)
    .execute();
  for (const w of waiting) {
    await db
      .updateTable('episode')
      .set({ person_id: w.person_id, person_linked_at: at })
      .where('id', '=', w.id)
      .where('person_id', 'is', null)
      .execute();
  }
  return waiting.length;
}
