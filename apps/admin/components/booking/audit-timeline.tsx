import type { StaffBookingDetail } from '@hibachi/core/bookings';
import {
  cancellationHistoryWords,
  ZCancellationRefund,
} from '@hibachi/core/money/cancellation-refund';
import { formatInstant, formatMoney, type MoneyFormat } from '@hibachi/web/format';
import { METHOD_LABELS, STATUS_LABELS } from '@/lib/labels';

const ACTION_LABELS: Record<string, string> = {
  'booking.created': 'Booked',
  'booking.confirmed': 'Confirmed',
  'booking.cancelled': 'Cancelled',
  'booking.hold_expired': 'Hold expired',
  'booking.completed': 'Marked completed',
  'booking.no_show': 'Marked no-show',
  'booking.notes_updated': 'Notes changed',
  'booking.rescheduled': 'Rescheduled',
  'booking.menu_changed': 'Menu changed',
  'payment.recorded': 'Payment recorded',
  'payment.refund_owed': 'Refund owed',
  'payment.refunded': 'Refund landed',
};

type Entry = StaffBookingDetail['audit'][number];

/** Who did what to the booking and when (in the station's zone), oldest first. */
export function AuditTimeline({
  entries,
  timeZone,
  money,
}: {
  entries: Entry[];
  timeZone: string;
  money: MoneyFormat;
}) {
  if (entries.length === 0) return <p className="muted">No changes recorded.</p>;
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at}>{formatInstant(entry.at, timeZone)}</time>
          <p>
            <strong>{ACTION_LABELS[entry.action] ?? entry.action}</strong>{' '}
            <span className="muted">by {actorName(entry.actor)}</span>
          </p>
          {describe(entry, money) ? <p className="small">{describe(entry, money)}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function actorName(actor: Entry['actor']): string {
  if (actor.type === 'STAFF') return actor.name ?? 'a staff member';
  return actor.type === 'CUSTOMER' ? 'the customer' : 'the system';
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

function describe(entry: Entry, money: MoneyFormat): string {
  const before = record(entry.before);
  const after = record(entry.after);
  const parts: string[] = [];
  if (
    typeof before.status === 'string' &&
    typeof after.status === 'string' &&
    before.status !== after.status
  )
    parts.push(
      `${STATUS_LABELS[before.status] ?? before.status} → ${STATUS_LABELS[after.status] ?? after.status}`,
    );
  if (typeof after.amountCents === 'number')
    parts.push(
      `${formatMoney(after.amountCents, money)}${typeof after.method === 'string' ? ` ${METHOD_LABELS[after.method] ?? after.method}` : ''}`,
    );
  if (entry.action === 'booking.menu_changed') {
    if (before.adults !== after.adults || before.children !== after.children)
      parts.push(
        `Party ${String(before.adults)}+${String(before.children)} → ${String(after.adults)}+${String(after.children)}`,
      );
    if (typeof before.totalCents === 'number' && typeof after.totalCents === 'number')
      parts.push(
        `Total ${formatMoney(before.totalCents, money)} → ${formatMoney(after.totalCents, money)}`,
      );
    if (Array.isArray(after.menu))
      parts.push(
        after.menu
          .map((line) => record(line))
          .map((line) => `${String(line.quantity)} × ${String(line.item)}`)
          .join(', ') || 'No choices',
      );
  }
  if (typeof after.reason === 'string') parts.push(`Reason: ${after.reason}`);
  if (entry.action === 'booking.cancelled') parts.push(...cancellationMoney(after, money));
  if ('notes' in after)
    parts.push(
      typeof after.notes === 'string' && after.notes
        ? `“${after.notes.slice(0, 120)}”`
        : 'Notes cleared',
    );
  return parts.join(' · ');
}

/** A cancellation's money: worded from its record, or from the older entries' refund summary. */
function cancellationMoney(after: Record<string, unknown>, money: MoneyFormat): string[] {
  const recorded = ZCancellationRefund.safeParse(after.cancellation);
  if (recorded.success) return [cancellationHistoryWords(recorded.data, money)];
  const refund = record(after.refund);
  if (typeof refund.status !== 'string') return [];
  if (refund.status === 'NOT_REFUNDED' || refund.status === 'NOT_ELIGIBLE') return ['No refund'];
  if (refund.status === 'NONE') return ['Nothing paid'];
  const cents =
    typeof refund.amountCents === 'number'
      ? refund.amountCents
      : Number(refund.cardCents ?? 0) + Number(refund.offlineCents ?? 0);
  return [`Refund: ${formatMoney(cents, money)}`];
}
