import { resolveStationChoice } from '../auth/resolve-station-choice';
import { assertCan, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import type { z } from 'zod';
import { Prisma } from '../generated/prisma/client';
import { fieldError, parseInput } from '../validation';
import { ZAnalyticsQuery, type TAnalyticsQuery } from './analytics.schema';

/**
 * Which rows a figure covers: one station, or every station whose amounts are in one
 * currency (`currency` set only when the stations use more than one). Figures never add
 * two currencies.
 */
export type AnalyticsRows = { stationId: string | null; currency: string | null };

export type ResolvedAnalyticsScope = {
  query: TAnalyticsQuery;
  rows: AnalyticsRows;
  /** The currency the figures are in, the locale they are written in, and every currency the caller may ask for. */
  currency: string;
  locale: string;
  currencies: string[];
};

/**
 * The query and the rows it covers for this caller: STAFF and MANAGER their own station
 * (another one answers 404), a super admin the one named or every station of one currency
 * (`currency=`, else the currency most stations use).
 */
export async function analyticsScope(
  scope: StaffScope,
  input: unknown,
): Promise<ResolvedAnalyticsScope> {
  assertCan(scope, 'analytics.view');
  const query = parseInput(ZAnalyticsQuery, input);
  const stationId = (await resolveStationChoice(scope, query.station)) ?? null;
  const db = getDb();
  if (stationId) {
    const station = await db.station.findUniqueOrThrow({
      where: { id: stationId },
      select: { currency: true, locale: true },
    });
    return {
      query,
      rows: { stationId, currency: null },
      currency: station.currency,
      locale: station.locale,
      currencies: [station.currency],
    };
  }
  // Each currency with the locale most of its stations write it in.
  const used = await db.$queryRaw<{ currency: string; locale: string }[]>`
    SELECT currency, mode() WITHIN GROUP (ORDER BY locale) AS locale
      FROM "Station" GROUP BY currency ORDER BY count(*) DESC, currency`;
  const currencies = used.map((row) => row.currency);
  if (query.currency && !currencies.includes(query.currency))
    throw fieldError('currency', 'No station takes this currency');
  const chosen = used.find((row) => row.currency === query.currency) ??
    used[0] ?? { currency: 'USD', locale: 'en-US' };
  return {
    query,
    rows: { stationId: null, currency: currencies.length > 1 ? chosen.currency : null },
    currency: chosen.currency,
    locale: chosen.locale,
    currencies,
  };
}

/** `column` (a station id) is one of the rows' stations: SQL for a WHERE clause. */
export function stationInRows(column: Prisma.Sql, rows: AnalyticsRows): Prisma.Sql {
  return Prisma.sql`(${rows.stationId}::uuid IS NULL OR ${column} = ${rows.stationId}::uuid)
         AND (${rows.currency}::text IS NULL
              OR ${column} IN (SELECT id FROM "Station" WHERE currency = ${rows.currency}::text))`;
}

/**
 * One figure as every use case answers it: the caller's scope resolved, the use case's one
 * statement run for it, its JSON result parsed with the use case's schema on the way out,
 * with the range and the currency it is in.
 */
export async function scopedFigures<Output>(
  options: { scope: StaffScope; query: unknown },
  statement: (query: TAnalyticsQuery, rows: AnalyticsRows) => Prisma.Sql,
  schema: z.ZodType<Output>,
): Promise<Output> {
  const { query, rows, currency, locale, currencies } = await analyticsScope(
    options.scope,
    options.query,
  );
  const [row] = await getDb().$queryRaw<[{ result: unknown }]>(statement(query, rows));
  return schema.parse({
    ...(row.result as object),
    from: query.from,
    to: query.to,
    currency,
    locale,
    currencies,
  });
}
