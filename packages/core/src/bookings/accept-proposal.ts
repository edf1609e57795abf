import { writeAudit } from '../audit/write-audit';
import { blindIndex, seal } from '../crypto/field-crypto';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { hasDatabaseCode, translateDatabaseError } from '../errors/translate-database-error';
import { currentTerms } from '../terms/current-terms';
import { parseInput } from '../validation';
import { ZAcceptProposalInput } from './accept-proposal.schema';
import type { TCustomerBooking } from './customer-booking.schema';
import { confirmBooking } from './confirm-booking';
import { proposalState } from './proposal-state';
import { requireCustomerBooking } from './require-customer-booking';
import { toCustomerBooking } from './to-customer-booking';

const alreadyAcceptedError = () =>
  new AppError('CONFLICT', 'This proposal is already accepted.', {
    details: { reason: 'ALREADY_ACCEPTED' },
  });

/**
 * `POST /api/bookings/REF/acceptance`: the customer accepts the proposal behind their signed
 * link: the priced version and the station's current terms they read, with their typed
 * name. Kept with the terms version (and so its text and SHA-256), the time, the total and a
 * keyed hash of the client address; audited. Refused (409) when the hold has lapsed, the
 * booking is not active, the price or the terms changed since they were read, or this
 * version is accepted already (one acceptance per version: two at once, one wins).
 */
export async function acceptProposal(options: {
  reference: string;
  input: unknown;
  clientAddress?: string;
  requestId?: string;
  now?: Date;
}): Promise<TCustomerBooking> {
  const input = parseInput(ZAcceptProposalInput, options.input);
  const now = options.now ?? new Date();
  const proof = { token: input.token };
  try {
    await inTransaction(async (tx) => {
      const { id } = await requireCustomerBooking(options.reference, proof, tx);
      // One acceptance at a time per booking: a second waits here, then sees the first.
      await tx.$queryRaw`SELECT id FROM "Booking" WHERE id = ${id}::uuid FOR UPDATE`;
      const booking = await requireCustomerBooking(options.reference, proof, tx);
      const lapsed =
        booking.status === 'EXPIRED' ||
        (booking.status === 'PENDING_PAYMENT' &&
          booking.holdExpiresAt !== null &&
          booking.holdExpiresAt <= now);
      if (lapsed)
        throw new AppError(
          'CONFLICT',
          `The time held for this proposal has lapsed. Please contact ${booking.station.name} to book again.`,
          { details: { reason: 'HOLD_EXPIRED' } },
        );
      if (booking.status !== 'PENDING_PAYMENT' && booking.status !== 'CONFIRMED')
        throw new AppError(
          'CONFLICT',
          `This booking is ${booking.status.toLowerCase()}: there is nothing to accept.`,
          { details: { reason: 'BAD_STATE', status: booking.status } },
        );
      if (!proposalState(booking).needsAcceptance && booking.acceptances.length > 0)
        throw alreadyAcceptedError();
      if (
        input.proposalVersion !== booking.proposalVersion ||
        input.totalCents !== booking.totalCents
      )
        throw new AppError(
          'CONFLICT',
          'The proposal changed while you were reading it. Please review it again.',
          {
            details: {
              reason: 'PROPOSAL_CHANGED',
              proposalVersion: booking.proposalVersion,
              totalCents: booking.totalCents,
            },
          },
        );
      const terms = await currentTerms(booking.stationId, tx);
      if (input.termsVersion !== terms.version)
        throw new AppError(
          'CONFLICT',
          'The terms changed while you were reading them. Please read them again.',
          { details: { reason: 'TERMS_CHANGED', termsVersion: terms.version } },
        );
      await tx.termsAcceptance.create({
        data: {
          bookingId: booking.id,
          proposalVersion: booking.proposalVersion,
          termsId: terms.id,
          acceptedName: seal(input.name),
          totalCents: booking.totalCents,
          clientAddressHash: options.clientAddress
            ? blindIndex('clientAddress', options.clientAddress)
            : null,
          acceptedAt: now,
        },
      });
      // A new booking version: a staff change read before this acceptance is refused as stale
      // (409 STALE_VERSION) instead of changing the accepted price unnoticed.
      await tx.booking.update({ where: { id: booking.id }, data: { version: { increment: 1 } } });
      // Nothing to pay first (a free event, or a manager's zero deposit): accepted is confirmed.
      if (booking.status === 'PENDING_PAYMENT' && booking.depositCents === 0)
        await confirmBooking(tx, booking);
      await writeAudit(tx, {
        actorType: 'CUSTOMER',
        actorId: booking.customerId,
        requestId: options.requestId,
        stationId: booking.stationId,
        entityType: 'Booking',
        entityId: booking.id,
        action: 'booking.proposal_accepted',
        after: {
          proposalVersion: booking.proposalVersion,
          termsVersion: terms.version,
          termsSha256: terms.sha256,
          totalCents: booking.totalCents,
        },
      });
    });
  } catch (error) {
    if (hasDatabaseCode(error, '23505')) throw alreadyAcceptedError();
    throw translateDatabaseError(error) ?? error;
  }
  return toCustomerBooking(await requireCustomerBooking(options.reference, proof), now);
}
