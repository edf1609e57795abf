import 'server-only';
import { z } from 'zod';
import { getDb } from '../db/client';
import { renderProposalPdf } from '../documents/proposal-pdf';
import type { MailAttachment } from '../notifications/email-transport';
import { bookingInclude } from './booking-record';
import { proposalFilename } from './get-proposal-pdf';
import { proposalDocumentOf } from './proposal-document';

const ZConfirmed = z.object({ status: z.literal('CONFIRMED') });

/**
 * What a confirmation e-mail carries besides its text: the accepted proposal's PDF, when the
 * deposit confirmed a booking whose current proposal the customer accepted (a phone order,
 * or an online booking whose terms were ticked). Rendered at delivery, as the booking is.
 */
export async function proposalAttachments(message: {
  kind: string;
  payload: unknown;
  bookingId: string | null;
}): Promise<MailAttachment[]> {
  if (message.kind !== 'BOOKING_CONFIRMATION' || !message.bookingId) return [];
  if (!ZConfirmed.safeParse(message.payload).success) return [];
  const booking = await getDb().booking.findUnique({
    where: { id: message.bookingId },
    include: bookingInclude,
  });
  const accepted = booking?.acceptances.some(
    (acceptance) => acceptance.proposalVersion === booking.proposalVersion,
  );
  if (!booking || !accepted) return [];
  const bytes = await renderProposalPdf(await proposalDocumentOf(booking));
  return [
    {
      filename: proposalFilename(booking.reference, booking.proposalVersion),
      content: Buffer.from(bytes),
      contentType: 'application/pdf',
    },
  ];
}
