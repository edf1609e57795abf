import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetStation, staffAccount } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { AppError } from '../errors/app-error';
import { authenticateStaff, getStaffSession, signOutEverywhere, SIGN_IN_REFUSED } from '.';

const PASSWORD = 'correct horse battery';

describe('authenticateStaff', () => {
  let client: pg.Client;
  let stationId: string;
  let account: { id: string; email: string };
  let ipCounter = 0;
  /** A fresh client address per attempt, so the per-IP limit only bites where a test wants it. */
  const freshIp = () => `203.0.113.${(ipCounter += 1)}`;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 1));
    account = await staffAccount(client, { role: 'MANAGER', stationId, password: PASSWORD });
    return () => client.end();
  });

  const attempt = (password: string, now?: Date, email = account.email, clientIp = freshIp()) =>
    authenticateStaff({ input: { email, password }, clientIp, now });

  async function refusal(promise: Promise<unknown>) {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    return {
      code: appError.code,
      status: appError.status,
      message: appError.message,
      details: appError.details,
    };
  }

  async function auditActions() {
    const { rows } = await client.query<{ action: string; after: Record<string, unknown> | null }>(
      `SELECT action, after FROM "AuditLog" WHERE "entityType" = 'StaffUser' ORDER BY "createdAt", action`,
    );
    return rows;
  }

  it('signs in with the right password (e-mail case-insensitive), resets the failure count and audits it', async () => {
    await expect(attempt('wrong one')).rejects.toThrow(SIGN_IN_REFUSED);
    const staff = await attempt(PASSWORD, undefined, account.email.toUpperCase());
    expect(staff).toMatchObject({ id: account.id, role: 'MANAGER', stationId, sessionVersion: 1 });
    const { rows } = await client.query(
      'SELECT "failedLoginCount", "lockedUntil", "lastLoginAt" FROM "StaffUser" WHERE id = $1',
      [account.id],
    );
    expect(rows[0]).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    expect(rows[0].lastLoginAt).toBeInstanceOf(Date);
    expect((await auditActions()).map((row) => row.action)).toEqual([
      'staff.sign_in_failed',
      'staff.signed_in',
    ]);
    // The password never reaches the audit trail.
    const { rows: all } = await client.query('SELECT * FROM "AuditLog"');
    expect(JSON.stringify(all)).not.toContain('correct horse');
  });

  it('locks after 5 wrong passwords: the right one is refused for 30 minutes, then works again', async () => {
    const start = new Date();
    for (let index = 0; index < 5; index += 1)
      await expect(attempt('nope', start)).rejects.toThrow();
    const { rows } = await client.query(
      'SELECT "failedLoginCount", "lockedUntil" FROM "StaffUser" WHERE id = $1',
      [account.id],
    );
    expect(rows[0].failedLoginCount).toBe(5);
    expect(rows[0].lockedUntil.getTime()).toBe(start.getTime() + 30 * 60_000);

    await expect(attempt(PASSWORD, new Date(start.getTime() + 29 * 60_000))).rejects.toThrow(
      SIGN_IN_REFUSED,
    );
    const later = new Date(start.getTime() + 30 * 60_000 + 1);
    await expect(attempt(PASSWORD, later)).resolves.toMatchObject({ id: account.id });

    const actions = (await auditActions()).map((row) => row.action);
    expect(actions.filter((action) => action === 'staff.sign_in_failed')).toHaveLength(5);
    expect(actions).toContain('staff.locked');
    expect(actions).toContain('staff.sign_in_refused');
    expect(actions.at(-1)).toBe('staff.signed_in');
  });

  it('counts again from one after a lock has run out', async () => {
    const start = new Date();
    for (let index = 0; index < 5; index += 1)
      await expect(attempt('nope', start)).rejects.toThrow();
    await expect(attempt('nope', new Date(start.getTime() + 31 * 60_000))).rejects.toThrow();
    const { rows } = await client.query(
      'SELECT "failedLoginCount", "lockedUntil" FROM "StaffUser" WHERE id = $1',
      [account.id],
    );
    expect(rows[0]).toMatchObject({ failedLoginCount: 1, lockedUntil: null });
  });

  it('answers the same for an unknown e-mail, a wrong password, a locked and a deactivated account', async () => {
    const unknown = await refusal(attempt(PASSWORD, undefined, 'nobody@test.example'));
    const wrong = await refusal(attempt('wrong'));
    for (let index = 0; index < 4; index += 1) await attempt('wrong').catch(() => undefined);
    const locked = await refusal(attempt(PASSWORD));
    const inactive = await staffAccount(client, { role: 'STAFF', stationId, password: PASSWORD });
    await client.query('UPDATE "StaffUser" SET active = false WHERE id = $1', [inactive.id]);
    const deactivated = await refusal(attempt(PASSWORD, undefined, inactive.email));
    expect(unknown).toEqual({
      code: 'UNAUTHENTICATED',
      status: 401,
      message: SIGN_IN_REFUSED,
      details: undefined,
    });
    for (const other of [wrong, locked, deactivated]) expect(other).toEqual(unknown);
  });

  it('spends argon2 time on unknown e-mails too (within 3x of a known one)', async () => {
    const time = async (email: string) => {
      const started = performance.now();
      await attempt('wrong', undefined, email).catch(() => undefined);
      return performance.now() - started;
    };
    await time('warm-up@test.example');
    // The median of five of each, alternating: one sample on a shared machine is noise.
    const known: number[] = [];
    const unknowns: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      known.push(await time(account.email));
      unknowns.push(await time(`nobody${round}@test.example`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[2]!;
    const [knownMedian, unknown] = [median(known), median(unknowns)];
    // An unverified unknown e-mail would answer in well under a millisecond of hashing.
    expect(unknown).toBeGreaterThan(knownMedian / 3);
  });

  it('rate-limits attempts per client address and per e-mail (429 with Retry-After)', async () => {
    const ip = freshIp();
    for (let index = 0; index < 10; index += 1)
      await attempt('wrong', undefined, `someone${index}@test.example`, ip).catch(() => undefined);
    const perIp = await refusal(attempt(PASSWORD, undefined, account.email, ip));
    expect(perIp.code).toBe('RATE_LIMITED');

    const target = 'target@test.example';
    for (let index = 0; index < 10; index += 1)
      await attempt('wrong', undefined, target).catch(() => undefined);
    const perAccount = await refusal(attempt('wrong', undefined, target));
    expect(perAccount).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(perAccount.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
  });

  it('does not count the owner signing in against the per-account budget', async () => {
    for (let index = 0; index < 15; index += 1)
      await expect(attempt(PASSWORD)).resolves.toMatchObject({ id: account.id });
  });

  it('refuses malformed input with field errors, and unknown keys', async () => {
    const error = await refusal(
      authenticateStaff({
        input: { email: 'not-an-email', password: '', extra: 1 },
        clientIp: freshIp(),
      }),
    );
    expect(error.status).toBe(400);
    expect(Object.keys(error.details ?? {}).sort()).toEqual(['email', 'extra', 'password']);
  });
});

describe('getStaffSession', () => {
  let client: pg.Client;
  let stationId: string;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 1));
    return () => client.end();
  });

  async function signedIn() {
    const account = await staffAccount(client, { role: 'STAFF', stationId, password: PASSWORD });
    const staff = await authenticateStaff({
      input: { email: account.email, password: PASSWORD },
      clientIp: '198.51.100.7',
    });
    return {
      account,
      claims: {
        staffId: staff.id,
        sessionVersion: staff.sessionVersion,
        role: staff.role,
        stationId: staff.stationId,
      },
    };
  }

  it('accepts valid claims and names the station', async () => {
    const { claims } = await signedIn();
    expect(await getStaffSession(claims)).toMatchObject({
      staffId: claims.staffId,
      role: 'STAFF',
      stationId,
      station: { slug: 'test-station' },
    });
  });

  it('drops the session of a deactivated user, a moved user and after sign-out-everywhere', async () => {
    const first = await signedIn();
    await client.query('UPDATE "StaffUser" SET active = false WHERE id = $1', [first.account.id]);
    expect(await getStaffSession(first.claims)).toBeUndefined();

    const second = await signedIn();
    await client.query(`UPDATE "StaffUser" SET role = 'MANAGER' WHERE id = $1`, [
      second.account.id,
    ]);
    expect(await getStaffSession(second.claims)).toBeUndefined();

    const third = await signedIn();
    await signOutEverywhere({ scope: { staffId: third.account.id, role: 'STAFF', stationId } });
    expect(await getStaffSession(third.claims)).toBeUndefined();
    expect(await getStaffSession({ ...third.claims, sessionVersion: 2 })).toBeDefined();
  });

  it('refuses claims that are not claims', async () => {
    expect(await getStaffSession(undefined)).toBeUndefined();
    expect(
      await getStaffSession({ staffId: 'x', sessionVersion: 1, role: 'STAFF', stationId: null }),
    ).toBeUndefined();
  });
});
