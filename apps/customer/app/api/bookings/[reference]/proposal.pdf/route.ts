import { getProposalPdf } from '@hibachi/core/bookings';
import { createRouteHandler } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The proposal (the accepted one once accepted) as a PDF, proven by the token or e-mail. */
export const GET = createRouteHandler<{ reference: string }>(async (request, { params }) => {
  await consumeRateLimit('bookingLookup', `ip:${clientIp(request)}`);
  const proof = Object.fromEntries(new URL(request.url).searchParams);
  const pdf = await getProposalPdf({ reference: params.reference, proof });
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${pdf.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
