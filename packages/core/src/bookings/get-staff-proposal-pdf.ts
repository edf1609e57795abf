import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { renderProposalPdf } from '../documents/proposal-pdf';
import { bookingInclude } from './booking-record';
import { proposalFilename, type ProposalPdf } from './get-proposal-pdf';
import { proposalDocumentOf } from './proposal-document';
import { requireStaffBooking } from './require-staff-booking';

/** `GET /api/admin/bookings/ID/proposal.pdf`: the same document as the customer's. */
export async function getStaffProposalPdf(
  options: StaffRequest & { bookingId: string },
): Promise<ProposalPdf> {
  assertCan(options.scope, 'bookings.view');
  const booking = await requireStaffBooking(
    getDb(),
    options.scope,
    options.bookingId,
    bookingInclude,
  );
  return {
    filename: proposalFilename(booking.reference, booking.proposalVersion),
    bytes: await renderProposalPdf(await proposalDocumentOf(booking)),
  };
}
