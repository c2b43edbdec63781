import { frenchDate } from '../../../shared/lib/dates';
import type { Outcome } from '../../../shared/domain/episodes';
import { isoToday } from '../clock';
import { conflict, DomainError } from '../errors';
import { getSetting } from '../settings/settings';
import { inTransaction, lockEpisode, lockOpenEpisode } from './writer';
import type { ServiceContext } from '../context';

export interface DiagnosisInput {
  episodeId: number;
  diagnosis: string;
  icd10?: string | undefined;
  outcome?: Outcome | undefined;
}

const invalid = (field: string, message: string) => new DomainError('INVALID_INPUT', message, { [field]: message });

async function addEvent(
  ctx: ServiceContext,
  episodeId: number,
  kind: 'diagnostic' | 'cloture' | 'reouverture',
  reason: string | null,
  detail: object,
) {
  await ctx.db
    .insertInto('episode_event')
    .values({ episode_id: episodeId, kind, at: ctx.clock.now().toISOString(), by_login: ctx.login, reason, detail: JSON.stringify(detail) })
    .execute();
}

/** Records the diagnosis (and the outcome when known) while the episode is open. */
export async function setDiagnosis(ctx: ServiceContext, input: DiagnosisInput): Promise<void> {
  await inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const episode = await lockOpenEpisode(tx, input.episodeId);
    const values = { diagnosis: input.diagnosis, icd10: input.icd10 || null, outcome: input.outcome ?? episode.outcome };
    await db
      .updateTable('episode')
      .set({ ...values, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', episode.id)
      .execute();
    await addEvent(tx, episode.id, 'diagnostic', null, values);
  });
}

/**
 * Closes the episode on its end date: from then on it is frozen for the monthly claim. The end
 * date cannot precede the opening or an act, nor lie in the future.
 */
export async function closeEpisode(ctx: ServiceContext, input: DiagnosisInput & { endedOn: string; outcome: Outcome }): Promise<void> {
  await inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const episode = await lockOpenEpisode(tx, input.episodeId);
    const openedOn = episode.opened_at.slice(0, 10);
    if (input.endedOn > isoToday(ctx.clock)) throw invalid('endedOn', 'La date de fin ne peut pas être dans le futur.');
    if (input.endedOn < openedOn) throw invalid('endedOn', `La date de fin précède l’ouverture de l’épisode (${frenchDate(openedOn)}).`);
    if (!input.icd10 && (await getSetting(db, 'episodes.icd10AtClosing')) === 'obligatoire') {
      throw invalid('icd10', 'Indiquez le code CIM-10 du diagnostic : l’établissement le rend obligatoire à la clôture.');
    }
    // Lines in force only: a cancelled line keyed at a wrong date must not hold the episode open.
    const last = await db
      .selectFrom('prestation')
      .select((eb) => eb.fn.max('performed_on').as('day'))
      .where('episode_id', '=', episode.id)
      .where('cancels_id', 'is', null)
      .where(
        'id',
        'not in',
        db.selectFrom('prestation').select('cancels_id').where('episode_id', '=', episode.id).where('cancels_id', 'is not', null),
      )
      .executeTakeFirst();
    if (last?.day && input.endedOn < last.day) {
      throw invalid('endedOn', `La date de fin précède le dernier acte de l’épisode (${frenchDate(last.day)}).`);
    }
    const now = ctx.clock.now().toISOString();
    const values = { ended_on: input.endedOn, diagnosis: input.diagnosis, icd10: input.icd10 || null, outcome: input.outcome };
    await db
      .updateTable('episode')
      .set({ ...values, status: 'clos', closed_at: now, closed_by: ctx.login, updated_at: now })
      .where('id', '=', episode.id)
      .execute();
    await addEvent(tx, episode.id, 'cloture', null, values);
  });
}

/** Reopens a closed episode (manager only, checked by the contract), with the reason kept in its history. */
export async function reopenEpisode(ctx: ServiceContext, input: { episodeId: number; reason: string }): Promise<void> {
  await inTransaction(ctx.db, async (db) => {
    const tx = { ...ctx, db };
    const episode = await lockEpisode(tx, input.episodeId);
    if (episode.status !== 'clos') throw conflict(`L’épisode ${episode.number} est déjà ouvert.`);
    await db
      .updateTable('episode')
      .set({ status: 'ouvert', ended_on: null, closed_at: null, closed_by: null, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', episode.id)
      .execute();
    await addEvent(tx, episode.id, 'reouverture', input.reason, {
      endedOn: episode.ended_on,
      closedAt: episode.closed_at,
      closedBy: episode.closed_by,
    });
  });
}
