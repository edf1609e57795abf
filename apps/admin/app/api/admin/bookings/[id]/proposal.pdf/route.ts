import { getStaffProposalPdf } from '@hibachi/core/bookings';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** The booking's proposal (the accepted one once accepted) as the customer's PDF. */
export const GET = staffRoute<{ id: string }>(async (_request, { staff, params }) => {
  const pdf = await getStaffProposalPdf({ scope: staff, bookingId: params.id });
  return new Response(Buffer.from(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${pdf.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
});
