import { openDeep } from '../crypto/field-crypto';
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  refusal,
  resetStation,
  STATION,
  staffAccount,
  staffScope,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { authenticateStaff } from '../auth/authenticate-staff';
import { getStaffSession } from '../auth/get-staff-session';
import type { StaffScope } from '../auth/staff-scope';
import { deliverDueEmails } from '../notifications/deliver-outbox';
import type { EmailTransport } from '../notifications/email-transport';
import { listOutbox } from '../notifications';
import { setStaffPassword } from './set-password';
import {
  createStaff,
  deactivateStaff,
  listStaff,
  resetStaffPassword,
  unlockStaff,
  updateStaff,
} from '.';
import { itNeedsPostgresTimers } from '../../test/shifted-clock';

const GOOD_PASSWORD = 'correct horse battery';
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
let addressCounter = 0;
const signIn = (email: string, password: string) =>
  authenticateStaff({
    input: { email, password },
    clientIp: `203.0.113.${++addressCounter % 250}`,
  });

describe('staff accounts', () => {
  let client: pg.Client;
  let superAdmin: StaffScope;
  let manager: StaffScope;

  beforeEach(async () => {
    client = await connect();
    const { stationId } = await resetStation(client, 1);
    await client.query('TRUNCATE "OutboxMessage", rate_limits');
    superAdmin = await staffScope(client, 'SUPER_ADMIN', null);
    manager = await staffScope(client, 'MANAGER', stationId);
    return () => client.end();
  });

  it('creates a manager with a one-time link: set a password once, then sign in', async () => {
    const created = await createStaff({
      scope: superAdmin,
      input: {
        email: ' New.Manager@Example.com ',
        name: 'Nia Manager',
        role: 'MANAGER',
        station: STATION,
      },
    });
    expect(created.account).toMatchObject({
      email: 'new.manager@example.com',
      role: 'MANAGER',
      station: { slug: STATION },
      passwordSet: false,
      active: true,
    });
    expect(created.setPasswordUrl).toMatch(/^http:\/\/localhost:3001\/set-password\?token=/);
    const token = tokenOf(created.setPasswordUrl);

    // The outbox holds the e-mail but never the link.
    const { rows } = await client.query(`SELECT kind, recipient, payload FROM "OutboxMessage"`);
    expect(openDeep(rows)).toMatchObject([
      { kind: 'STAFF_SET_PASSWORD', recipient: 'new.manager@example.com' },
    ]);
    expect(JSON.stringify(rows)).not.toContain(token.split('.')[2]);
    const outbox = await listOutbox({ scope: superAdmin, query: {} });
    expect(outbox.items[0]!.text).not.toContain('token=');

    // No password yet: nothing signs in.
    expect(await refusal(signIn('new.manager@example.com', GOOD_PASSWORD))).toMatchObject({
      status: 401,
    });

    // Rules: length, common passwords, the e-mail itself. A refusal leaves the link usable.
    for (const [password, message] of [
      ['short', 'At least 12 characters'],
      ['Password1234', 'This password is too common: choose another'],
      ['new.manager-rocks!', 'Do not use your e-mail address in your password'],
    ])
      expect(await refusal(setStaffPassword({ input: { token, password } }))).toMatchObject({
        status: 400,
        details: { password: [message] },
      });

    expect(await setStaffPassword({ input: { token, password: GOOD_PASSWORD } })).toEqual({
      email: 'new.manager@example.com',
    });
    expect(await signIn('new.manager@example.com', GOOD_PASSWORD)).toMatchObject({
      role: 'MANAGER',
    });
    // Once only.
    expect(
      await refusal(setStaffPassword({ input: { token, password: 'another good password' } })),
    ).toMatchObject({ status: 404, details: { reason: 'LINK_INVALID' } });
    expect(
      (await listStaff({ scope: superAdmin })).find((row) => row.id === created.account.id),
    ).toMatchObject({ passwordSet: true });
  });

  it('links expire after 24 hours and forged ones do nothing', async () => {
    const now = new Date();
    const created = await createStaff({
      scope: superAdmin,
      input: { email: 'late@example.com', name: 'Late Larry', role: 'STAFF', station: STATION },
      now,
    });
    const token = tokenOf(created.setPasswordUrl);
    const later = new Date(now.getTime() + 24 * 3_600_000 + 1_000);
    expect(
      await refusal(setStaffPassword({ input: { token, password: GOOD_PASSWORD }, now: later })),
    ).toMatchObject({ status: 404 });
    const [id, expiry, signature] = token.split('.');
    for (const forged of [
      `${id}.${Number(expiry) + 3600}.${signature}`,
      `${id}.${expiry}.${'A'.repeat(43)}`,
      'not-a-token',
    ])
      expect(
        await refusal(setStaffPassword({ input: { token: forged, password: GOOD_PASSWORD } })),
      ).toMatchObject({ status: 404 });
  });

  it('delivers the link by e-mail; a link already used is not sent', async () => {
    const sent: { to: string; text: string }[] = [];
    const transport: EmailTransport = {
      sendTimeoutMs: 1_000,
      send: async (mail) => {
        sent.push({ to: String(mail.to), text: mail.text });
      },
      close: () => undefined,
    };
    const first = await createStaff({
      scope: superAdmin,
      input: { email: 'mailed@example.com', name: 'Mai Led', role: 'STAFF', station: STATION },
    });
    await createStaff({
      scope: superAdmin,
      input: { email: 'quick@example.com', name: 'Quick Quinn', role: 'STAFF', station: STATION },
    }).then(({ setPasswordUrl }) =>
      setStaffPassword({ input: { token: tokenOf(setPasswordUrl), password: GOOD_PASSWORD } }),
    );
    expect(await deliverDueEmails({ transport })).toMatchObject({ sent: 1, skipped: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe('mailed@example.com');
    expect(sent[0]!.text).toContain(first.setPasswordUrl);
  });

  it('only a super admin manages accounts', async () => {
    for (const attempt of [
      listStaff({ scope: manager }),
      createStaff({
        scope: manager,
        input: { email: 'x@example.com', name: 'X', role: 'STAFF', station: STATION },
      }),
      deactivateStaff({ scope: manager, accountId: superAdmin.staffId }),
    ])
      expect(await refusal(attempt)).toMatchObject({ status: 403 });
    expect(
      await refusal(
        createStaff({
          scope: superAdmin,
          input: { email: 'y@example.com', name: 'Y', role: 'STAFF' },
        }),
      ),
    ).toMatchObject({ status: 400, details: { station: expect.any(Array) } });
    expect(
      await refusal(deactivateStaff({ scope: superAdmin, accountId: 'not-an-id' })),
    ).toMatchObject({ status: 404 });
  });

  itNeedsPostgresTimers(
    'never removes the last active super admin, even when two try at once',
    async () => {
      expect(
        await refusal(deactivateStaff({ scope: superAdmin, accountId: superAdmin.staffId })),
      ).toMatchObject({ status: 409, details: { reason: 'LAST_SUPER_ADMIN' } });
      expect(
        await refusal(
          updateStaff({
            scope: superAdmin,
            accountId: superAdmin.staffId,
            input: { role: 'MANAGER', station: STATION },
          }),
        ),
      ).toMatchObject({ status: 409 });
      const second = await staffScope(client, 'SUPER_ADMIN', null);
      // Each demotes the other at the same moment: one of them must stay.
      const results = await Promise.allSettled([
        deactivateStaff({ scope: superAdmin, accountId: second.staffId }),
        deactivateStaff({ scope: second, accountId: superAdmin.staffId }),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM "StaffUser" WHERE role = 'SUPER_ADMIN' AND active`,
      );
      expect(rows[0].n).toBe(1);
    },
  );

  it('ends sessions on deactivation and role change; unlocks; a reset ends the old password and link', async () => {
    const member = await staffAccount(client, {
      role: 'STAFF',
      stationId: manager.stationId,
      password: GOOD_PASSWORD,
    });
    const claims = async () => {
      const { rows } = await client.query(
        `SELECT id AS "staffId", "sessionVersion", role, "stationId" FROM "StaffUser" WHERE id = $1`,
        [member.id],
      );
      return rows[0];
    };
    const before = await claims();
    expect(await getStaffSession(before)).toBeDefined();
    await updateStaff({
      scope: superAdmin,
      accountId: member.id,
      input: { role: 'MANAGER', station: STATION },
    });
    expect(await getStaffSession(before)).toBeUndefined();
    const promoted = await claims();
    await deactivateStaff({ scope: superAdmin, accountId: member.id });
    expect(await getStaffSession(promoted)).toBeUndefined();
    expect(await refusal(signIn(member.email, GOOD_PASSWORD))).toMatchObject({ status: 401 });

    await client.query(
      `UPDATE "StaffUser" SET active = true, "failedLoginCount" = 5, "lockedUntil" = now() + interval '30 minutes' WHERE id = $1`,
      [member.id],
    );
    expect(
      (await listStaff({ scope: superAdmin })).find((row) => row.id === member.id)!.lockedUntil,
    ).not.toBeNull();
    expect(await unlockStaff({ scope: superAdmin, accountId: member.id })).toMatchObject({
      lockedUntil: null,
    });
    expect(await signIn(member.email, GOOD_PASSWORD)).toMatchObject({ id: member.id });

    const first = await resetStaffPassword({ scope: superAdmin, accountId: member.id });
    const second = await resetStaffPassword({ scope: superAdmin, accountId: member.id });
    expect(await refusal(signIn(member.email, GOOD_PASSWORD))).toMatchObject({ status: 401 });
    expect(
      await refusal(
        setStaffPassword({
          input: { token: tokenOf(first.setPasswordUrl), password: 'a brand new secret' },
        }),
      ),
    ).toMatchObject({ status: 404 });
    await setStaffPassword({
      input: { token: tokenOf(second.setPasswordUrl), password: 'a brand new secret' },
    });
    expect(await signIn(member.email, 'a brand new secret')).toMatchObject({ id: member.id });
    const { rows } = await client.query(
      `SELECT action FROM "AuditLog" WHERE "entityId" = $1 ORDER BY "createdAt"`,
      [member.id],
    );
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'staff.updated',
        'staff.deactivated',
        'staff.unlocked',
        'staff.password_reset',
        'staff.password_set',
      ]),
    );
  });
});
