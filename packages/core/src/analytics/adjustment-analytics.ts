import type { StaffScope } from '../auth/staff-scope';
import { bookingQuote } from '../bookings/booking-record';
import { getDb } from '../db/client';
import { toDbDate } from '../time';
import { analyticsScope } from './analytics-scope';
import type { TAdjustmentAnalytics } from './analytics.schema';

/**
 * `GET /api/admin/analytics/adjustments`: the discounts and surcharges staff gave on the
 * events of a range of local dates that were cooked for or are confirmed (held, cancelled
 * and expired ones cost nothing), per staff member, in the amounts each made on its booking's
 * price (a percent is worth what it took off that booking). Scoped like every figure: one
 * station, or every station of one currency. Few bookings have adjustments, so they are read
 * and priced by the one pricing rule rather than rolled up.
 */
export async function getAdjustmentAnalytics(options: {
  scope: StaffScope;
  query: unknown;
}): Promise<TAdjustmentAnalytics> {
  const { query, rows, currency, locale, currencies } = await analyticsScope(
    options.scope,
    options.query,
  );
  const bookings = await getDb().booking.findMany({
    where: {
      status: { in: ['CONFIRMED', 'COMPLETED'] },
      eventDate: { gte: toDbDate(query.from), lte: toDbDate(query.to) },
      adjustments: { some: {} },
      ...(rows.stationId ? { stationId: rows.stationId } : {}),
      ...(rows.currency ? { station: { currency: rows.currency } } : {}),
    },
    include: {
      station: { select: { locale: true } },
      menuLines: true,
      adjustments: {
        include: { createdBy: { select: { id: true, name: true } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      },
    },
  });
  type Row = TAdjustmentAnalytics['byStaff'][number];
  const byStaff = new Map<string, Row>();
  let discountCents = 0;
  let surchargeCents = 0;
  for (const booking of bookings) {
    const lines = bookingQuote(booking).lines.filter(
      (line) => line.kind === 'DISCOUNT' || line.kind === 'SURCHARGE',
    );
    booking.adjustments.forEach((adjustment, index) => {
      const cents = Math.abs(lines[index]?.amountCents ?? 0);
      const key = adjustment.createdBy?.id ?? 'former';
      const row = byStaff.get(key) ?? {
        staffId: adjustment.createdBy?.id ?? null,
        name: adjustment.createdBy?.name ?? 'Former staff',
        discounts: 0,
        discountCents: 0,
        surcharges: 0,
        surchargeCents: 0,
      };
      if (adjustment.kind === 'DISCOUNT') {
        row.discounts += 1;
        row.discountCents += cents;
        discountCents += cents;
      } else {
        row.surcharges += 1;
        row.surchargeCents += cents;
        surchargeCents += cents;
      }
      byStaff.set(key, row);
    });
  }
  return {
    from: query.from,
    to: query.to,
    currency,
    locale,
    currencies,
    bookings: bookings.length,
    discountCents,
    surchargeCents,
    byStaff: [...byStaff.values()].sort(
      (a, b) => b.discountCents - a.discountCents || a.name.localeCompare(b.name),
    ),
  };
}
