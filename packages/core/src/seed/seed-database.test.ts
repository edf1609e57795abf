import { verify } from '@node-rs/argon2';
import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { buildDemoData } from './build-demo-data';
import { DEMO_PASSWORD } from './demo-data';
import { seedDatabase, type SeedSummary } from './seed-database';

const today = '2026-11-22';

describe('demo seed', () => {
  let summary: SeedSummary;

  beforeAll(async () => {
    summary = await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, today });
  });

  it('creates the promised volume', async () => {
    expect(summary).toMatchObject({ stations: 10, customers: 1_000, bookings: 5_000 });
    const client = await connect();
    const { rows } = await client.query(`
      SELECT (SELECT count(*) FROM "Station")::int AS stations,
             (SELECT count(DISTINCT timezone) FROM "Station")::int AS zones,
             (SELECT min(c) FROM (SELECT count(*) c FROM "Chef" GROUP BY "stationId") x)::int AS min_chefs,
             (SELECT max(c) FROM (SELECT count(*) c FROM "Chef" GROUP BY "stationId") x)::int AS max_chefs,
             (SELECT count(*) FROM "Customer")::int AS customers,
             (SELECT count(*) FROM "Booking")::int AS bookings,
             (SELECT count(*) FROM "Payment")::int AS payments`);
    const methods = await client.query<{ method: string; share: number }>(
      `SELECT method, count(*)::float / sum(count(*)) OVER () AS share FROM "Payment" GROUP BY method`,
    );
    await client.end();
    const counts = rows[0];
    expect(counts.stations).toBe(10);
    expect(counts.zones).toBeGreaterThanOrEqual(7);
    expect(counts.min_chefs).toBeGreaterThanOrEqual(3);
    expect(counts.max_chefs).toBeLessThanOrEqual(6);
    expect(counts.customers).toBe(1_000);
    expect(counts.bookings).toBe(5_000);
    expect(counts.payments).toBeGreaterThanOrEqual(2_700);
    expect(counts.payments).toBeLessThanOrEqual(3_300);
    const share = Object.fromEntries(methods.rows.map((row) => [row.method, row.share]));
    expect(share.CARD).toBeGreaterThan(0.75);
    expect(share.CARD).toBeLessThan(0.85);
    expect(share.CASH).toBeGreaterThan(0.1);
    expect(share.CHECK).toBeGreaterThan(0.02);
  });

  it('spans six months back and two months ahead in realistic statuses', async () => {
    const client = await connect();
    const { rows } = await client.query<{ status: string; first: Date; last: Date }>(
      `SELECT status, min("eventDate") AS first, max("eventDate") AS last FROM "Booking" GROUP BY status`,
    );
    await client.end();
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row]));
    expect(Object.keys(byStatus).sort()).toEqual([
      'CANCELLED',
      'COMPLETED',
      'CONFIRMED',
      'EXPIRED',
      'NO_SHOW',
      'PENDING_PAYMENT',
    ]);
    expect(byStatus.COMPLETED!.last.getTime()).toBeLessThanOrEqual(Date.parse(today) + 86_400_000);
    expect(byStatus.CONFIRMED!.first.getTime()).toBeGreaterThanOrEqual(
      Date.parse(today) - 86_400_000,
    );
    const dates = rows.flatMap((row) => [row.first.getTime(), row.last.getTime()]);
    expect((Date.parse(today) - Math.min(...dates)) / 86_400_000).toBeGreaterThan(170);
    expect((Math.max(...dates) - Date.parse(today)) / 86_400_000).toBeGreaterThan(55);
  });

  it('creates the documented demo logins with argon2 hashes of the demo password', async () => {
    const client = await connect();
    const { rows } = await client.query<{
      email: string;
      role: string;
      passwordHash: string;
      slug: string | null;
    }>(
      `SELECT u.email, u.role, u."passwordHash", s.slug FROM "StaffUser" u LEFT JOIN "Station" s ON s.id = u."stationId"`,
    );
    await client.end();
    expect(rows).toHaveLength(21);
    const admin = rows.find((row) => row.email === 'admin@demo.hibachi.test');
    expect(admin).toMatchObject({ role: 'SUPER_ADMIN', slug: null });
    expect(admin!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(admin!.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(admin!.passwordHash, 'wrong-password')).toBe(false);
    expect(rows.find((row) => row.email === 'manager@chicago.demo.hibachi.test')).toMatchObject({
      role: 'MANAGER',
      slug: 'chicago',
    });
    expect(rows.find((row) => row.email === 'staff@london.demo.hibachi.test')).toMatchObject({
      role: 'STAFF',
      slug: 'london',
    });
  });

  it('is deterministic', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    const first = buildDemoData({ scale: 1, today, now });
    const second = buildDemoData({ scale: 1, today, now });
    expect(second.bookings.map((booking) => booking.reference)).toEqual(
      first.bookings.map((booking) => booking.reference),
    );
    expect(second.customers[17]).toEqual(first.customers[17]);
  });

  it('scales the volume, adding stations so chefs are not overbooked', () => {
    const data = buildDemoData({ scale: 4, today, now: new Date('2026-11-22T12:00:00Z') });
    expect(data.bookings).toHaveLength(20_000);
    expect(data.customers).toHaveLength(4_000);
    expect(data.stations).toHaveLength(20);
    expect(new Set(data.stations.map((station) => station.slug)).size).toBe(20);
  });

  it('refuses to run in production', async () => {
    await expect(
      seedDatabase({ databaseUrl: process.env.DATABASE_URL!, nodeEnv: 'production' }),
    ).rejects.toThrow(/production/);
  });
});
