import { describe, expect, it } from 'vitest';
import { fail, ok, type ApiError } from '../../shared/contract/result';
import {
  commandReducer,
  initialCommand,
  initialQuery,
  queryReducer,
  type CommandAction,
  type CommandState,
  type QueryAction,
  type QueryState,
} from '../../renderer/src/lib/call-state';

const refused: ApiError = { code: 'REFUSED', message: 'Mois clos : rien à reconstruire.' };
const invalid: ApiError = { code: 'INVALID_INPUT', message: 'Saisie invalide.', fields: { month: 'Mois invalide' } };

const start = (request: number, key: string, keepPrevious = false): QueryAction<string> => ({ type: 'start', request, key, keepPrevious });
const answer = (request: number, key: string, value: string): QueryAction<string> => ({ type: 'answer', request, key, result: ok(value) });
const refusal = (request: number, key: string, error = refused): QueryAction<string> => ({
  type: 'answer',
  request,
  key,
  result: fail(error.code, error.message, error.fields),
});

const off = (request: number, keepPrevious = false): QueryAction<string> => ({ type: 'off', request, keepPrevious });

const run = (actions: QueryAction<string>[]) => actions.reduce<QueryState<string>>(queryReducer, initialQuery<string>());
const shown = (s: QueryState<string>) => ({ data: s.data, error: s.error?.message ?? null, loading: s.loading });

describe('queryReducer', () => {
  it.each<[string, QueryAction<string>[], ReturnType<typeof shown>]>([
    ['nothing asked yet', [], { data: null, error: null, loading: false }],
    ['asked, no answer yet', [start(1, 'A')], { data: null, error: null, loading: true }],
    ['answered', [start(1, 'A'), answer(1, 'A', 'a')], { data: 'a', error: null, loading: false }],
    ['refused', [start(1, 'A'), refusal(1, 'A')], { data: null, error: refused.message, loading: false }],
    [
      'a reload keeps the data while it runs',
      [start(1, 'A'), answer(1, 'A', 'a'), start(2, 'A')],
      { data: 'a', error: null, loading: true },
    ],
    [
      'a failed reload keeps the data, with the error',
      [start(1, 'A'), answer(1, 'A', 'a'), start(2, 'A'), refusal(2, 'A')],
      { data: 'a', error: refused.message, loading: false },
    ],
    ['a new input hides the old data', [start(1, 'A'), answer(1, 'A', 'a'), start(2, 'B')], { data: null, error: null, loading: true }],
    [
      'keepPrevious shows the old data while the new input loads',
      [start(1, 'A'), answer(1, 'A', 'a'), start(2, 'B', true)],
      { data: 'a', error: null, loading: true },
    ],
    [
      'keepPrevious drops the old data when the new input fails',
      [start(1, 'A'), answer(1, 'A', 'a'), start(2, 'B', true), refusal(2, 'B')],
      { data: null, error: refused.message, loading: false },
    ],
    [
      'the older input answering last is ignored',
      [start(1, 'A'), start(2, 'B'), answer(2, 'B', 'b'), answer(1, 'A', 'a')],
      { data: 'b', error: null, loading: false },
    ],
    [
      'the older input answering first is ignored too',
      [start(1, 'A'), start(2, 'B'), answer(1, 'A', 'a')],
      { data: null, error: null, loading: true },
    ],
    [
      'an older call’s error is ignored',
      [start(1, 'A'), start(2, 'B'), answer(2, 'B', 'b'), refusal(1, 'A')],
      { data: 'b', error: null, loading: false },
    ],
    ['a new call clears the last error', [start(1, 'A'), refusal(1, 'A'), start(2, 'A')], { data: null, error: null, loading: true }],
    [
      'set replaces the data without a call',
      [start(1, 'A'), answer(1, 'A', 'a'), { type: 'set', data: 'a2' }],
      { data: 'a2', error: null, loading: false },
    ],
    ['switched off: nothing shown', [start(1, 'A'), answer(1, 'A', 'a'), off(2)], { data: null, error: null, loading: false }],
    [
      'switched off with keepPrevious: the data stays',
      [start(1, 'A'), answer(1, 'A', 'a'), off(2, true)],
      { data: 'a', error: null, loading: false },
    ],
    [
      'switched off: a call under way no longer counts',
      [start(1, 'A'), off(2), answer(1, 'A', 'a')],
      { data: null, error: null, loading: false },
    ],
    [
      'switched off with keepPrevious: a call under way no longer counts',
      [start(1, 'A'), answer(1, 'A', 'a'), start(2, 'B', true), off(3, true), answer(2, 'B', 'b')],
      { data: 'a', error: null, loading: false },
    ],
  ])('%s', (_case, actions, expected) => {
    expect(shown(run(actions))).toEqual(expected);
  });

  it('keeps the field errors for the form', () => {
    expect(run([start(1, 'A'), refusal(1, 'A', invalid)]).error?.fields).toEqual({ month: 'Mois invalide' });
  });
});

const cStart = (request: number): CommandAction<number> => ({ type: 'start', request });
const cOk = (request: number, value: number): CommandAction<number> => ({ type: 'answer', request, result: ok(value) });
const cFail = (request: number): CommandAction<number> => ({
  type: 'answer',
  request,
  result: fail('INVALID_INPUT', 'Saisie invalide.', { reason: 'Motif requis' }),
});
const runCommand = (actions: CommandAction<number>[]) => actions.reduce<CommandState<number>>(commandReducer, initialCommand<number>());
const commandShown = (s: CommandState<number>) => ({ running: s.running, result: s.result, fields: s.error?.fields ?? null });

describe('commandReducer', () => {
  it.each<[string, CommandAction<number>[], ReturnType<typeof commandShown>]>([
    ['idle', [], { running: false, result: null, fields: null }],
    ['running', [cStart(1)], { running: true, result: null, fields: null }],
    ['done', [cStart(1), cOk(1, 7)], { running: false, result: 7, fields: null }],
    ['refused with field errors', [cStart(1), cFail(1)], { running: false, result: null, fields: { reason: 'Motif requis' } }],
    ['a new run clears the last error', [cStart(1), cFail(1), cStart(2)], { running: true, result: null, fields: null }],
    ['a new run clears the last value', [cStart(1), cOk(1, 7), cStart(2)], { running: true, result: null, fields: null }],
    ['the last run’s answer wins', [cStart(1), cStart(2), cOk(2, 2), cOk(1, 1)], { running: false, result: 2, fields: null }],
    ['an older run’s error is ignored', [cStart(1), cStart(2), cOk(2, 2), cFail(1)], { running: false, result: 2, fields: null }],
    ['reset forgets the error', [cStart(1), cFail(1), { type: 'reset' }], { running: false, result: null, fields: null }],
    ['reset forgets the value', [cStart(1), cOk(1, 7), { type: 'reset' }], { running: false, result: null, fields: null }],
  ])('%s', (_case, actions, expected) => {
    expect(commandShown(runCommand(actions))).toEqual(expected);
  });
});
