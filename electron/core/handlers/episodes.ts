import type { episodesApi } from '../../../shared/api/episodes';
import type { HandlerContext } from '../context';
import { exportEpisodes } from '../episodes/export';
import { closeEpisode, reopenEpisode, setDiagnosis } from '../episodes/lifecycle';
import { addLine, cancelLine } from '../episodes/lines';
import { listEpisodes } from '../episodes/list';
import { getEpisode } from '../episodes/read';
import type { Handlers } from './types';

/** Answers the episode as it now stands, and names it in the audit row. */
async function after(ctx: HandlerContext, episodeId: number, detail?: Record<string, unknown>) {
  const view = await getEpisode(ctx, { id: episodeId });
  ctx.audit.entityId = view.number;
  if (detail) ctx.audit.detail = detail;
  return view;
}

export const episodesHandlers: Handlers<typeof episodesApi> = {
  'episodes.get': async (input, ctx) => getEpisode(ctx, input),
  'episodes.list': async (input, ctx) => listEpisodes(ctx, input),
  'episodes.export': async (input, ctx) => exportEpisodes(ctx, input),
  'episodes.addLine': async (input, ctx) => {
    const lineId = await addLine(ctx, input);
    return after(ctx, input.episodeId, { lineId });
  },
  'episodes.cancelLine': async (input, ctx) => {
    const cancellationId = await cancelLine(ctx, input);
    return after(ctx, input.episodeId, { cancellationId });
  },
  'episodes.setDiagnosis': async (input, ctx) => {
    await setDiagnosis(ctx, input);
    return after(ctx, input.episodeId);
  },
  'episodes.close': async (input, ctx) => {
    await closeEpisode(ctx, input);
    return after(ctx, input.episodeId);
  },
  'episodes.reopen': async (input, ctx) => {
    await reopenEpisode(ctx, input);
    return after(ctx, input.episodeId);
  },
};
