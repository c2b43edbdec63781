import { join } from 'node:path';
import type { anamApi } from '../../../shared/api/anam';
import { PULL_LISTS } from '../anam-lists/list-index';
import { pullHistory } from '../anam-lists/history';
import { pullLists } from '../anam-lists/pull';
import { userDataDir } from '../paths';
import type { Handlers } from './types';

/** Where pulled files wait until applied (their `.part` survives a failed attempt). */
export const pullFolder = () => join(userDataDir(), 'telechargements-anam');

export const anamHandlers: Handlers<typeof anamApi> = {
  'anam.pull': async (input, ctx) => {
    const lists = input.list === 'all' ? PULL_LISTS : [input.list];
    const report = await pullLists({ ...ctx, fetch, folder: pullFolder(), hooks: { progress: ctx.progress, signal: ctx.signal } }, lists);
    ctx.audit.detail = { lists: report.lists.map((l) => ({ list: l.list, applied: l.applied, error: l.error })) };
    return report;
  },
  'anam.pulls': async (input, ctx) => pullHistory(ctx, input),
};
