'use client';

import type {
  TAdjustmentAnalytics,
  BookingKpis,
  CustomerAnalytics,
  MenuAnalytics,
  PaymentAnalytics,
} from '@hibachi/core/analytics/analytics.schema';
import { formatMoney, type MoneyFormat } from '@hibachi/web/format';

export type Figures = {
  bookings: BookingKpis;
  payments: PaymentAnalytics;
  customers: CustomerAnalytics;
  menu: MenuAnalytics;
  adjustments: TAdjustmentAnalytics;
};

type Kind = 'count' | 'money' | 'rate' | 'decimal';
type Card = {
  label: string;
  kind: Kind;
  value: (figures: Figures) => number | null;
  /** Whether a rise is good news (colours the change). */
  better: 'up' | 'down';
  hint: string;
};

const CARDS: Card[] = [
  {
    label: 'Bookings',
    kind: 'count',
    better: 'up',
    value: (f) => f.bookings.bookings,
    hint: 'Events in the range, lapsed holds left out',
  },
  {
    label: 'Confirmed revenue',
    kind: 'money',
    better: 'up',
    value: (f) => f.bookings.confirmedRevenueCents,
    hint: 'Price of confirmed and completed events',
  },
  {
    label: 'Net payments',
    kind: 'money',
    better: 'up',
    value: (f) => f.payments.netCents,
    hint: 'Money taken in the range less refunds',
  },
  {
    label: 'Spend per guest',
    kind: 'money',
    better: 'up',
    value: (f) => f.menu.averageSpendPerGuestCents,
    hint: 'Price of confirmed and completed events ÷ their guests',
  },
  {
    label: 'Average party',
    kind: 'decimal',
    better: 'up',
    value: (f) => f.bookings.averagePartySize,
    hint: 'Guests per confirmed or completed event',
  },
  {
    label: 'Chef utilisation',
    kind: 'rate',
    better: 'up',
    value: (f) => f.bookings.chefUtilisation,
    hint: 'Booked chef-hours ÷ chef-hours in service hours (closed dates and time off left out)',
  },
  {
    label: 'Cancellation rate',
    kind: 'rate',
    better: 'down',
    value: (f) => f.bookings.cancellationRate,
    hint: 'Cancelled ÷ confirmed, completed, cancelled and no-show',
  },
  {
    label: 'No-show rate',
    kind: 'rate',
    better: 'down',
    value: (f) => f.bookings.noShowRate,
    hint: 'No-shows ÷ events that were due',
  },
  {
    label: 'Average lead time',
    kind: 'decimal',
    better: 'up',
    value: (f) => f.bookings.averageLeadDays,
    hint: 'Days from booking to event',
  },
  {
    label: 'New customers',
    kind: 'count',
    better: 'up',
    value: (f) => f.customers.newCustomers,
    hint: 'First booking in the range',
  },
  {
    label: 'Repeat rate',
    kind: 'rate',
    better: 'up',
    value: (f) => f.customers.repeatRate,
    hint: 'Customers in the range with more than one booking',
  },
  {
    label: 'Card success',
    kind: 'rate',
    better: 'up',
    value: (f) => f.payments.cardSuccessRate,
    hint: 'Card payments that went through',
  },
  {
    label: 'Balances due',
    kind: 'money',
    better: 'down',
    value: (f) => f.payments.outstanding.cents,
    hint: 'Still to take on confirmed events in the range',
  },
];

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('en-US');

function show(kind: Kind, value: number | null, money: MoneyFormat): string {
  if (value === null) return '—';
  if (kind === 'money') return formatMoney(value, money);
  if (kind === 'rate') return percent.format(value);
  if (kind === 'decimal') return decimal.format(value);
  return count.format(value);
}

/** The change against the previous period: percent for amounts, points for rates. */
function change(kind: Kind, now: number | null, before: number | null) {
  if (now === null || before === null) return undefined;
  if (kind === 'rate') {
    const points = (now - before) * 100;
    return { delta: points, text: `${points >= 0 ? '+' : ''}${decimal.format(points)} pts` };
  }
  if (before === 0) return now === 0 ? { delta: 0, text: 'no change' } : { delta: 1, text: 'new' };
  const ratio = (now - before) / Math.abs(before);
  return { delta: ratio, text: `${ratio >= 0 ? '+' : ''}${percent.format(ratio)}` };
}

/** KPI cards with the change against the previous period of equal length. */
export function KpiCards({ figures, previous }: { figures?: Figures; previous?: Figures }) {
  return (
    <ul className="kpi-grid" aria-label="Key figures">
      {CARDS.map((card) => {
        if (!figures)
          return (
            <li key={card.label} className="kpi-card skeleton" aria-busy="true">
              <span className="kpi-label">{card.label}</span>
              <span className="kpi-value">&nbsp;</span>
            </li>
          );
        const value = card.value(figures);
        const delta = previous ? change(card.kind, value, card.value(previous)) : undefined;
        const good =
          delta && delta.delta !== 0 ? delta.delta > 0 === (card.better === 'up') : undefined;
        return (
          <li key={card.label} className="kpi-card" title={card.hint}>
            <span className="kpi-label">{card.label}</span>
            <strong className="kpi-value">{show(card.kind, value, figures.bookings)}</strong>
            {delta ? (
              <span
                className={`kpi-change${good === undefined ? '' : good ? ' good' : ' bad'}`}
                aria-label={`${delta.text} against the previous period`}
              >
                {delta.text} <span className="muted">vs previous</span>
              </span>
            ) : (
              <span className="kpi-change muted">&nbsp;</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
