import {
  bookingAddress,
  bookingQuote,
  bookingTravel,
  menuLinesOf,
  priceAdjustmentOf,
  ACCEPTANCE_INCLUDE,
} from './booking-record';
import { proposalState, type ProposalState } from './proposal-state';
import { createManageToken, proposalUrl } from '../links/booking-link';
import { plannedMessages, type PlannedMessage } from '../notifications/planned-message-rules';
import { refundSettledBy, type TRefundSettler } from '../money/refund-settler';
import type { PriceAdjustment, TravelCharge } from '../pricing/calculate-quote';
import { requireInScope } from '../auth/require-in-scope';
import { assertCan, type StaffScope } from '../auth/staff-scope';
import { getDb } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { keptGratuityCents } from '../money/gratuity';
import { balanceLinkState, type BalanceLinkState } from './balance-link-state';
import { netPaidCents } from '../money/net-paid';
import { menuLockAt, menuOpen } from '../menu/menu-lock';
import { proteinsDecided } from '../menu/menu-selection';
import type { TMenuLine } from '../menu/menu.schema';
import type { TQuoteLine } from '../pricing/quote.schema';
import { instantToLocal, toLocalDate } from '../time';
import { balanceDue } from '../money/balance-due';
import { staffBookingActions, type StaffBookingActions } from './staff-booking-actions';
import type { TBookingStatus } from './staff-bookings.schema';

export type StaffBookingDetail = {
  id: string;
  reference: string;
  status: TBookingStatus;
  version: number;
  station: { slug: string; name: string; timezone: string; locale: string };
  /** ISO 4217: every amount of the booking is in its minor units. */
  currency: string;
  date: string;
  time: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  adults: number;
  children: number;
  address: { line1: string; line2: string | null; city: string; postalCode: string };
  specialRequests: string | null;
  notes: string | null;
  holdExpiresAt: string | null;
  source: 'WEBSITE' | 'STAFF';
  enteredBy: string | null;
  proposal: ProposalState;
  /** Phone orders still active only: the link carries the customer's signed token. */
  proposalUrl: string | null;
  adjustments: {
    id: string;
    kind: 'DISCOUNT' | 'SURCHARGE';
    percent: number | null;
    amountCents: number | null;
    label: string;
    reason: string;
    createdBy: string | null;
    createdAt: string;
  }[];
  /** When the chef marked it started from My events. */
  startedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  createdAt: string;
  customer: { id: string; name: string; email: string; phone: string };
  chef: { id: string; name: string; color: string; active: boolean };
  priceLines: TQuoteLine[];
  menu: {
    lines: TMenuLine[];
    proteinsPerAdult: number;
    /** The party's proteins are chosen (none left to decide). */
    proteinsDecided: boolean;
    /** When the menu becomes final for the customer (staff may still change it). */
    lockAt: string;
    locked: boolean;
  };
  /** The prices it was quoted at, for a page to preview a change with the same rule. */
  pricing: {
    adultPriceCents: number;
    childPriceCents: number;
    minimumCents: number;
    travel: TravelCharge | null;
    adjustments: PriceAdjustment[];
  };
  totalCents: number;
  depositCents: number;
  paidCents: number;
  balanceCents: number;
  /** Gratuity kept for the chef (paid online with the balance; never part of the price). */
  gratuityCents: number;
  payments: {
    id: string;
    method: 'CARD' | 'CASH' | 'CHECK';
    status: string;
    /** The deposit that confirmed the booking, or the balance after it. */
    purpose: 'DEPOSIT' | 'BALANCE';
    amountCents: number;
    refundedCents: number;
    /** Gratuity charged with this payment, and what of it went back. */
    gratuityCents: number;
    gratuityRefundedCents: number;
    refundOwedCents: number;
    /** Who gives the owed refund back (null when nothing is owed). */
    refundSettledBy: TRefundSettler | null;
    lastRefundError: string | null;
    note: string | null;
    recordedBy: string | null;
    createdAt: string;
  }[];
  refundsOwedCents: number;
  audit: {
    id: string;
    at: string;
    actor: { type: 'STAFF' | 'CUSTOMER' | 'SYSTEM'; name: string | null };
    action: string;
    before: Prisma.JsonValue;
    after: Prisma.JsonValue;
  }[];
  emails: {
    id: string;
    kind: string;
    subject: string;
    status: string;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    sentAt: string | null;
  }[];
  /** Planned messages still to come (the queued and sent ones are in `emails`). */
  plannedMessages: PlannedMessage[];
  /** The online balance link: sent with the reminder, a payment page opened, or paid. */
  balanceLink: BalanceLinkState;
  actions: StaffBookingActions;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * `GET /api/admin/bookings/ID`: everything staff need on one booking: customer, chef,
 * price lines, payments with net paid and balance due, refunds still owed (with the
 * provider's last error), the audit trail (who, what, when) and this booking's e-mails.
 * Another station's booking answers 404.
 */
export async function getStaffBooking(options: {
  scope: StaffScope;
  bookingId: string;
  now?: Date;
}): Promise<StaffBookingDetail> {
  assertCan(options.scope, 'bookings.view');
  const db = getDb();
  const booking = await requireInScope(options.scope, 'booking', options.bookingId, (id) =>
    db.booking.findUnique({
      where: { id },
      include: {
        station: true,
        customer: true,
        chef: true,
        menuLines: { orderBy: [{ kind: 'asc' }, { name: 'asc' }] },
        adjustments: {
          include: { createdBy: { select: { name: true } } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        },
        acceptances: ACCEPTANCE_INCLUDE,
        createdBy: { select: { name: true } },
        payments: {
          orderBy: { createdAt: 'asc' },
          include: { recordedBy: { select: { name: true } } },
        },
      },
    }),
  );

  const paymentIds = booking.payments.map((payment) => payment.id);
  const [auditRows, emails] = await Promise.all([
    db.auditLog.findMany({
      where: {
        OR: [
          { entityType: 'Booking', entityId: booking.id },
          { entityType: 'Payment', entityId: { in: paymentIds } },
        ],
      },
      orderBy: { createdAt: 'asc' },
      take: 200,
    }),
    db.outboxMessage.findMany({ where: { bookingId: booking.id }, orderBy: { createdAt: 'asc' } }),
  ]);
  const staffIds = [
    ...new Set(
      auditRows.filter((row) => row.actorType === 'STAFF').flatMap((row) => row.actorId ?? []),
    ),
  ];
  const staffNames = new Map(
    (
      await db.staffUser.findMany({
        where: { id: { in: staffIds } },
        select: { id: true, name: true },
      })
    ).map((staff) => [staff.id, staff.name]),
  );

  const tz = booking.station.timezone;
  const paidCents = netPaidCents(booking.payments);
  const quote = bookingQuote(booking);
  const date = toLocalDate(booking.eventDate);
  const lockAt = menuLockAt({ date, time: booking.startTime }, tz, booking.station.menuLockHours);
  const lines = menuLinesOf(booking.menuLines);
  return {
    id: booking.id,
    reference: booking.reference,
    status: booking.status,
    version: booking.version,
    station: {
      slug: booking.station.slug,
      name: booking.station.name,
      timezone: tz,
      locale: booking.station.locale,
    },
    currency: booking.currency,
    date,
    time: booking.startTime,
    endTime: instantToLocal(booking.endsAt, tz).time,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    durationMinutes: booking.durationMinutes,
    adults: booking.adults,
    children: booking.children,
    address: bookingAddress(booking),
    specialRequests: booking.specialRequests,
    notes: booking.notes,
    holdExpiresAt: iso(booking.holdExpiresAt),
    source: booking.source,
    enteredBy: booking.createdBy?.name ?? null,
    proposal: proposalState(booking),
    proposalUrl:
      booking.source === 'STAFF' &&
      (booking.status === 'PENDING_PAYMENT' || booking.status === 'CONFIRMED')
        ? proposalUrl(booking.reference, createManageToken(booking.reference, booking.endsAt))
        : null,
    adjustments: booking.adjustments.map((adjustment) => ({
      id: adjustment.id,
      kind: adjustment.kind,
      percent: adjustment.percent,
      amountCents: adjustment.amountCents,
      label: adjustment.label,
      reason: adjustment.reason,
      createdBy: adjustment.createdBy?.name ?? null,
      createdAt: adjustment.createdAt.toISOString(),
    })),
    startedAt: iso(booking.startedAt),
    cancelledAt: iso(booking.cancelledAt),
    cancellationReason: booking.cancellationReason,
    createdAt: booking.createdAt.toISOString(),
    customer: {
      id: booking.customer.id,
      name: booking.customer.name,
      email: booking.customer.email,
      phone: booking.customer.phone,
    },
    chef: {
      id: booking.chef.id,
      name: booking.chef.name,
      color: booking.chef.color,
      active: booking.chef.active,
    },
    // The booking's own prices explain its total (bookings made before prices were kept with
    // them may not add up: then the total as booked is the line).
    priceLines:
      quote.totalCents === booking.totalCents
        ? quote.lines
        : [{ kind: 'GUESTS', label: 'Event total as booked', amountCents: booking.totalCents }],
    menu: {
      lines,
      proteinsPerAdult: booking.station.proteinsPerAdult,
      proteinsDecided: proteinsDecided(lines, booking, booking.station.proteinsPerAdult),
      lockAt: lockAt.toISOString(),
      locked: !menuOpen(lockAt, options.now ?? new Date()),
    },
    pricing: {
      adultPriceCents: booking.adultPriceCents,
      childPriceCents: booking.childPriceCents,
      minimumCents: booking.minimumCents,
      travel: bookingTravel(booking),
      adjustments: booking.adjustments.map(priceAdjustmentOf),
    },
    totalCents: booking.totalCents,
    depositCents: booking.depositCents,
    paidCents,
    balanceCents: balanceDue(booking.status, booking.totalCents, paidCents),
    gratuityCents: keptGratuityCents(booking.payments),
    payments: booking.payments.map((payment) => ({
      id: payment.id,
      method: payment.method,
      status: payment.status,
      purpose: payment.purpose,
      amountCents: payment.amountCents,
      refundedCents: payment.refundedCents,
      gratuityCents: payment.gratuityCents,
      gratuityRefundedCents: payment.gratuityRefundedCents,
      refundOwedCents: Math.max(0, payment.refundRequestedCents - payment.refundedCents),
      refundSettledBy:
        payment.refundRequestedCents > payment.refundedCents ? refundSettledBy(payment) : null,
      lastRefundError: payment.lastRefundError,
      note: payment.note,
      recordedBy: payment.recordedBy?.name ?? null,
      createdAt: payment.createdAt.toISOString(),
    })),
    refundsOwedCents: booking.payments.reduce(
      (sum, payment) => sum + Math.max(0, payment.refundRequestedCents - payment.refundedCents),
      0,
    ),
    audit: auditRows.map((row) => ({
      id: row.id,
      at: row.createdAt.toISOString(),
      actor: {
        type: row.actorType,
        name:
          row.actorType === 'STAFF' && row.actorId ? (staffNames.get(row.actorId) ?? null) : null,
      },
      action: row.action,
      before: row.before,
      after: row.after,
    })),
    emails: emails.map((email) => ({
      id: email.id,
      kind: email.kind,
      subject: email.subject,
      status: email.status,
      attempts: email.attempts,
      lastError: email.lastError,
      createdAt: email.createdAt.toISOString(),
      sentAt: iso(email.sentAt),
    })),
    plannedMessages: plannedMessages(
      booking,
      booking.station,
      // (queued for the booking's current start: a moved booking earns them again)
      emails
        .filter((email) =>
          email.dedupeKey?.endsWith(`:${booking.id}:${booking.startsAt.getTime()}`),
        )
        .map((email) => email.kind),
      options.now ?? new Date(),
    ),
    balanceLink: balanceLinkState(
      balanceDue(booking.status, booking.totalCents, paidCents),
      booking.payments,
      emails,
    ),
    actions: staffBookingActions(options.scope.role, booking, options.now ?? new Date()),
  };
}
