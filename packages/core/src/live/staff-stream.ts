import 'server-only';
import { resolveStationChoice } from '../auth/resolve-station-choice';
import { assertCan, type StaffScope } from '../auth/staff-scope';
import { parseInput } from '../validation';
import { ZLiveQuery } from './live-event';
import { eventStreamResponse } from './event-stream';

/**
 * `GET /api/admin/live?station=SLUG`: what changes on the station's admin screens, as hints
 * the screens refetch on: `bookings` (the calendar and lists), `message` and `conversation`
 * (the inbox and the open thread), `resync` (events may have been missed: refetch all).
 * A super admin without a station hears every station.
 */
export async function staffEventStream(
  request: Request,
  options: { scope: StaffScope; query: unknown },
): Promise<Response> {
  assertCan(options.scope, 'live.view');
  const { station } = parseInput(ZLiveQuery, options.query);
  const stationId = await resolveStationChoice(options.scope, station);
  return eventStreamResponse(request, (sink) => ({
    owner: `staff:${options.scope.staffId}`,
    wants: (event) => stationId === undefined || event.s === stationId,
    handle: (event) => {
      if (event.k === 'bookings') sink.send('bookings', { stationId: event.s });
      else if (event.k === 'message')
        sink.send('message', { conversationId: event.c, seq: event.q, stationId: event.s });
      else sink.send('conversation', { conversationId: event.c, stationId: event.s });
    },
    reset: () => sink.send('resync', {}),
    start: () => undefined,
  }));
}
