import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import { seedDatabase } from '../seed/seed-database';
import { addDays, todayInTimeZone } from '../time';
import { bookingKpisSql } from './booking-kpis';
import { customerAnalyticsSql } from './customer-analytics';
import { menuAnalyticsSql } from './menu-analytics';
import { paymentAnalyticsSql } from './payment-analytics';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

function scans(node: PlanNode, found: string[] = []): string[] {
  if (node['Relation Name']) found.push(`${node['Node Type']} on ${node['Relation Name']}`);
  for (const child of node.Plans ?? []) scans(child, found);
  return found;
}

// The benchmark's shape at a test's size: ten stations, eight months of bookings around today,
// payments, refunds; statistics gathered. One station over 90 days must never read the whole
// Booking or Payment table.
describe('analytics query plans (seeded, ANALYZEd)', () => {
  let stationId: string;
  const today = todayInTimeZone('UTC');
  const query = { from: addDays(today, -60), to: addDays(today, 29), email: 'someone@example.com' };

  beforeAll(async () => {
    await seedDatabase({ databaseUrl: process.env.DATABASE_URL!, scale: 6 });
    const db = getDb();
    await db.$executeRawUnsafe('ANALYZE');
    stationId = (await db.station.findFirstOrThrow({ orderBy: { slug: 'asc' } })).id;
  }, 180_000);

  it.each([
    ['booking KPIs', bookingKpisSql],
    ['payment analytics', paymentAnalyticsSql],
    ['customer analytics', customerAnalyticsSql],
    ['menu analytics', menuAnalyticsSql],
  ])(
    '%s: no sequential scan over Booking or Payment for one station and 90 days',
    async (_, sql) => {
      const [row] = await getDb().$queryRaw<[{ 'QUERY PLAN': [{ Plan: PlanNode }] }]>(
        Prisma.sql`EXPLAIN (FORMAT JSON) ${sql(query, { stationId, currency: null }, 'USD')}`,
      );
      const used = scans(row['QUERY PLAN'][0].Plan);
      expect(used.some((scan) => /Booking|Payment/.test(scan))).toBe(true);
      expect(used.filter((scan) => /^Seq Scan on "?(Booking|Payment)/.test(scan))).toEqual([]);
    },
  );

  it('menu analytics, every station over a year: whole months from MenuItemMonth, days only by index', async () => {
    const year = { from: addDays(today, -300), to: addDays(today, 64) };
    const [row] = await getDb().$queryRaw<[{ 'QUERY PLAN': [{ Plan: PlanNode }] }]>(
      Prisma.sql`EXPLAIN (FORMAT JSON) ${menuAnalyticsSql(year, { stationId: null, currency: 'USD' })}`,
    );
    const used = scans(row['QUERY PLAN'][0].Plan);
    expect(used.some((scan) => scan.endsWith(' on MenuItemMonth'))).toBe(true);
    expect(used.filter((scan) => scan.startsWith('Seq Scan on MenuItemDay'))).toEqual([]);
  });
});
