import { renderProposalPdf } from '../documents/proposal-pdf';
import { parseInput } from '../validation';
import { ZCustomerProof } from './customer-booking.schema';
import { proposalDocumentOf } from './proposal-document';
import { requireCustomerBooking } from './require-customer-booking';

export type ProposalPdf = { filename: string; bytes: Uint8Array };

export const proposalFilename = (reference: string, version: number) =>
  `proposal-${reference}-v${version}.pdf`;

/**
 * `GET /api/bookings/REF/proposal.pdf?token=…` (or `?email=…`): the customer's proposal as a
 * PDF, the accepted one once accepted, the same bytes for the same booking version.
 */
export async function getProposalPdf(options: {
  reference: string;
  proof: unknown;
}): Promise<ProposalPdf> {
  const proof = parseInput(ZCustomerProof, options.proof);
  const booking = await requireCustomerBooking(options.reference, proof);
  return {
    filename: proposalFilename(booking.reference, booking.proposalVersion),
    bytes: await renderProposalPdf(await proposalDocumentOf(booking)),
  };
}
