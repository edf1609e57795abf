import 'server-only';
import type { ProposalDocument } from '../documents/proposal-pdf';
import type { Tx } from '../db/transaction';
import { getDb } from '../db/client';
import { toLocalDate } from '../time';
import { currentTerms } from '../terms/current-terms';
import { bookingQuote, paidCents, type BookingWithRelations } from './booking-record';

/**
 * The proposal as its PDF prints it: the booking's price lines by the one pricing rule, its
 * event and menu, and the terms of its acceptance of the current version (the exact text
 * accepted), or the station's current terms while it waits. Dated by the booking's last
 * change, so the same booking version gives the same document, byte for byte.
 */
export async function proposalDocumentOf(
  booking: BookingWithRelations,
  db: Pick<Tx, 'station' | 'stationTerms'> = getDb(),
): Promise<ProposalDocument> {
  const accepted = booking.acceptances.find(
    (acceptance) => acceptance.proposalVersion === booking.proposalVersion,
  );
  const terms = accepted
    ? await db.stationTerms.findUniqueOrThrow({ where: { id: accepted.termsId } })
    : await currentTerms(booking.stationId, db);
  const quote = bookingQuote(booking);
  const lines =
    quote.totalCents === booking.totalCents
      ? quote.lines
      : [{ kind: 'GUESTS', label: 'Event total as booked', amountCents: booking.totalCents }];
  return {
    station: {
      name: booking.station.name,
      locale: booking.station.locale,
      currency: booking.currency,
      timezone: booking.station.timezone,
    },
    reference: booking.reference,
    proposalVersion: booking.proposalVersion,
    issuedAt: accepted?.acceptedAt ?? booking.updatedAt,
    customer: {
      name: booking.customer.name,
      email: booking.customer.email,
      phone: booking.customer.phone,
    },
    event: {
      date: toLocalDate(booking.eventDate),
      time: booking.startTime,
      durationMinutes: booking.durationMinutes,
      addressLines: [
        booking.addressLine1,
        ...(booking.addressLine2 ? [booking.addressLine2] : []),
        `${booking.city} ${booking.postalCode}`,
      ],
      adults: booking.adults,
      children: booking.children,
    },
    lines: lines.map((line) => ({ label: line.label, amountCents: line.amountCents })),
    totalCents: booking.totalCents,
    depositCents: booking.depositCents,
    paidCents: paidCents(booking),
    menu: booking.menuLines.map((line) => ({ name: line.name, quantity: line.quantity })),
    terms: { version: terms.version, sha256: terms.sha256, text: terms.body },
    acceptance: accepted
      ? {
          name: accepted.acceptedName,
          acceptedAt: accepted.acceptedAt,
          termsVersion: accepted.terms.version,
          termsSha256: accepted.terms.sha256,
        }
      : null,
  };
}
