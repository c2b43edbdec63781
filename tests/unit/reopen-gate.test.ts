import { describe, expect, it } from 'vitest';
import { newSlot } from '../../electron/core/app';
import type { ActiveSession } from '../../electron/core/context';
import { DatabaseGate } from '../../electron/core/reopen';
import { ok } from '../../shared/contract/result';
import type { ApiEvent } from '../../shared/contract/events';

const session = (): ActiveSession => ({
  userId: 1,
  login: 'awa',
  fullName: 'Awa',
  roles: ['admin'],
  mustChangePassword: false,
  startedAt: '2026-11-16T09:00:00.000Z',
  lastActivityAt: '2026-11-16T09:00:00.000Z',
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('DatabaseGate', () => {
  it('waits for the calls in flight, holds new ones back, then lets them through', async () => {
    const gate = new DatabaseGate();
    const log: string[] = [];
    const slow = deferred();
    const dispatch = gate.wrap(async (_slot, method) => {
      log.push(`start ${method}`);
      if (method === 'slow') await slow.promise;
      log.push(`end ${method}`);
      return ok(null);
    });
    const first = dispatch(newSlot(), 'slow', {});
    const exclusive = gate.exclusive(0, 5_000, async () => {
      log.push('exclusive');
    });
    const later = dispatch(newSlot(), 'later', {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(['start slow']);
    slow.resolve();
    await Promise.all([first, exclusive, later]);
    expect(log).toEqual(['start slow', 'end slow', 'exclusive', 'start later', 'end later']);
  });

  it('refuses when the other calls do not finish in time, and stays usable', async () => {
    const gate = new DatabaseGate();
    const never = deferred();
    const dispatch = gate.wrap(async (_slot, method) => {
      if (method === 'stuck') await never.promise;
      return ok(method);
    });
    void dispatch(newSlot(), 'stuck', {});
    await expect(gate.exclusive(0, 30, async () => 'done')).rejects.toThrow(/Une autre opération est en cours/);
    expect(await dispatch(newSlot(), 'next', {})).toEqual(ok('next'));
    never.resolve();
  });

  it('ends the sessions opened before a replacement at their next call', async () => {
    const gate = new DatabaseGate();
    const dispatch = gate.wrap(async (slot) => ok(slot.session?.login ?? null));
    const events: ApiEvent[] = [];
    const before = newSlot((e) => events.push(e));
    before.session = session();
    expect(await dispatch(before, 'x', {})).toEqual(ok('awa'));
    await gate.exclusive(0, 1_000, async () => gate.endSessions());

    const after = newSlot();
    after.session = session();
    expect(await dispatch(after, 'x', {})).toEqual(ok('awa'));
    expect(await dispatch(before, 'x', {})).toEqual(ok(null));
    expect(events).toEqual([{ type: 'session.ended', reason: 'restored' }]);
  });
});
