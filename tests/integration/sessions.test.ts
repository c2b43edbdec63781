import { afterEach, beforeEach, expect, it } from 'vitest';
import { newSlot } from '../../electron/core/app';
import type { SessionSlot } from '../../electron/core/context';
import type { ApiEvent } from '../../shared/contract/events';
import { movableClock, type MovableClock } from '../support/clock';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';

const ADMIN = { login: 'admin', fullName: 'Awa Sangaré', password: 'motdepasse1' };

describeEachDb('sessions: inactivity lock, unlock, age limit', (kind) => {
  let core: TestCore;
  let clock: MovableClock;
  let slot: SessionSlot;
  let events: ApiEvent[];

  beforeEach(async () => {
    clock = movableClock();
    core = await openTestCore(kind, { clock });
    await core.dispatch(newSlot(), 'setup.create', { facility: { code: 'CS01', name: 'CSCOM de Test', level: 'cscom' }, admin: ADMIN });
    events = [];
    slot = newSlot((e) => events.push(e));
    expect(await core.dispatch(slot, 'auth.login', { login: 'admin', password: ADMIN.password })).toMatchObject({ ok: true });
  });
  afterEach(async () => core.dispose());

  const call = (method: string, input: unknown = {}) => core.dispatch(slot, method, input);

  it('locks after lock.inactivityMinutes without activity, and only the same password resumes', async () => {
    clock.advance(9);
    expect(await call('settings.list')).toMatchObject({ ok: true });
    clock.advance(10);
    expect(await call('settings.list')).toMatchObject({
      ok: false,
      error: { code: 'SESSION_LOCKED', message: expect.stringContaining('verrouillé') },
    });
    expect(events).toContainEqual({ type: 'session.locked' });
    expect(await call('auth.session')).toMatchObject({ ok: true, value: { login: 'admin', locked: true, lockAfterMinutes: 10 } });
    // Activity reports do not resume a locked session.
    expect(await call('auth.activity')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });

    expect(await call('auth.unlock', { password: 'pas-le-bon' })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: expect.stringContaining('Encore 4 essai') },
    });
    expect(await call('settings.list')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await call('auth.unlock', { password: ADMIN.password })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await call('settings.list')).toMatchObject({ ok: true });
  });

  it('counts activity reports as activity, and follows the setting', async () => {
    for (let i = 0; i < 6; i++) {
      clock.advance(8);
      expect(await call('auth.activity')).toMatchObject({ ok: true });
    }
    expect(await call('settings.set', { key: 'lock.inactivityMinutes', value: 2 })).toMatchObject({ ok: true });
    clock.advance(2);
    expect(await call('settings.list')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });

  it('does not count background queries as activity', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(3);
      expect(await call('audit.verify')).toMatchObject({ ok: true });
    }
    clock.advance(1);
    expect(await call('audit.verify')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
  });

  it('locks at once on request, and lets another user sign out from the lock', async () => {
    expect(await call('auth.lock')).toMatchObject({ ok: true });
    expect(await call('audit.verify')).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });
    expect(await call('auth.logout')).toMatchObject({ ok: true });
    expect(slot.session).toBeNull();
    expect(await call('audit.verify')).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
  });

  it('ends the session after auth.sessionHours whatever the activity', async () => {
    // A report every 9 minutes for 11 h 51: never idle long enough to lock.
    for (let i = 0; i < 79; i++) {
      clock.advance(9);
      expect(await call('auth.activity')).toMatchObject({ ok: true });
    }
    clock.advance(9);
    const expired = await call('settings.list');
    expect(expired).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED', message: expect.stringContaining('12 h') } });
    expect(events).toContainEqual(expect.objectContaining({ type: 'session.ended', reason: 'expired' }));
    expect(slot.session).toBeNull();
  });

  it('closes the session and locks the account after too many wrong passwords at the lock', async () => {
    await call('auth.lock');
    for (let i = 0; i < 4; i++) expect((await call('auth.unlock', { password: 'faux' })).ok).toBe(false);
    const last = await call('auth.unlock', { password: 'faux' });
    expect(last).toMatchObject({ ok: false, error: { message: expect.stringContaining('bloqué') } });
    expect(slot.session).toBeNull();
    expect(events).toContainEqual(expect.objectContaining({ type: 'session.ended', reason: 'revoked' }));
    expect(await core.dispatch(newSlot(), 'auth.login', { login: 'admin', password: ADMIN.password })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('bloqué') },
    });
  });

  it('never writes a password to the audit, and records the lock and unlock', async () => {
    await call('auth.lock');
    await call('auth.unlock', { password: 'un-essai-faux' });
    await call('auth.unlock', { password: ADMIN.password });
    await call('auth.changePassword', { current: ADMIN.password, next: 'nouveau-secret-42' });
    const rows = await core.deps.handle.db.selectFrom('audit_log').select(['method', 'outcome', 'summary']).orderBy('seq').execute();
    const text = rows.map((r) => r.summary).join('\n');
    for (const secret of [ADMIN.password, 'un-essai-faux', 'nouveau-secret-42']) expect(text).not.toContain(secret);
    expect(rows.map((r) => `${r.method}:${r.outcome}`)).toEqual([
      'setup.create:ok',
      'auth.login:ok',
      'auth.lock:ok',
      'auth.unlock:failed',
      'auth.unlock:ok',
      'auth.changePassword:ok',
    ]);
  });
});
