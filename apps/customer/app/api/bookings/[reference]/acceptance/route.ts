import { acceptProposal } from '@hibachi/core/bookings';
import { createRouteHandler, ok, readJsonBody } from '@hibachi/core/http';
import { clientIp, consumeRateLimit } from '@hibachi/core/rate-limit';

export const dynamic = 'force-dynamic';

/** The customer accepts the proposal behind their signed link (typed name, terms ticked). */
export const POST = createRouteHandler<{ reference: string }>(
  async (request, { params, requestId }) => {
    const clientAddress = clientIp(request);
    await consumeRateLimit('bookingLookup', `ip:${clientAddress}`);
    const input = await readJsonBody(request);
    return ok(
      await acceptProposal({ reference: params.reference, input, clientAddress, requestId }),
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    );
  },
);
