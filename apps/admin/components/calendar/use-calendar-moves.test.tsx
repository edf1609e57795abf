// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent, RescheduledBooking } from '@hibachi/core/bookings';
import { ApiError } from '@hibachi/web/fetch-json';
import type { MoveTarget } from '../move-fields';
import { useCalendarMoves } from './use-calendar-moves';

const ZONE = 'America/New_York';

/**
 * A stand-in for the reschedule endpoint with its rules: the version must be the current one
 * (409 STALE_VERSION), a chef busy at a time refuses it (409 with the reason), and an answer
 * can be held back to decide the order in which moves land.
 */
class FakeServer {
  bookings = new Map<string, CalendarEvent>();
  busyAt = new Set<string>();
  held = new Map<string, () => void>();
  holdNext = new Set<string>();

  add(id: string, time: string): CalendarEvent {
    const event: CalendarEvent = {
      id,
      reference: `HB-${id.toUpperCase()}`,
      title: id,
      customerName: 'Ana',
      partySize: 6,
      status: 'CONFIRMED',
      version: 1,
      date: '2031-06-10',
      time,
      durationMinutes: 120,
      startsAt: `2031-06-10T${time}:00-04:00`,
      endsAt: `2031-06-10T${time}:00-04:00`,
      chef: { id: 'chef-1', name: 'Aiko' },
      totalCents: 60_000,
      balanceCents: 0,
    };
    this.bookings.set(id, event);
    return event;
  }

  events(): CalendarEvent[] {
    return [...this.bookings.values()];
  }

  send = async (event: CalendarEvent, target: MoveTarget): Promise<RescheduledBooking> => {
    if (this.holdNext.delete(event.id))
      await new Promise<void>((release) => this.held.set(event.id, release));
    const stored = this.bookings.get(event.id);
    if (!stored) throw new ApiError(404, 'NOT_FOUND', 'No such booking.');
    if (stored.version !== event.version)
      throw new ApiError(409, 'CONFLICT', 'Changed meanwhile.', { reason: 'STALE_VERSION' });
    if (this.busyAt.has(target.time))
      throw new ApiError(409, 'CONFLICT', `Chef Aiko is busy at ${target.time}.`, {
        reason: 'SLOT_TAKEN',
      });
    const next = { ...stored, time: target.time, version: stored.version + 1 };
    this.bookings.set(event.id, next);
    return {
      id: next.id,
      reference: next.reference,
      status: 'CONFIRMED',
      version: next.version,
      date: next.date,
      time: next.time,
      durationMinutes: next.durationMinutes,
      startsAt: next.startsAt,
      endsAt: next.endsAt,
      chef: { id: 'chef-1', name: 'Aiko', color: '#b91c1c' },
      moved: true,
    };
  };

  release(id: string) {
    this.held.get(id)?.();
    this.held.delete(id);
  }
}

const to = (time: string): MoveTarget => ({ date: '2031-06-10', time, durationMinutes: 120 });
const localTime = (instant: Date | undefined) =>
  instant?.toLocaleTimeString('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });

function setUp(server: FakeServer) {
  let stale = 0;
  const hook = renderHook(
    ({ events }: { events: CalendarEvent[] }) =>
      useCalendarMoves({
        timeZone: ZONE,
        events,
        send: server.send,
        onStale: () => {
          stale += 1;
        },
      }),
    { initialProps: { events: server.events() } },
  );
  return {
    ...hook,
    staleCount: () => stale,
    refresh: () => hook.rerender({ events: server.events() }),
  };
}

describe('useCalendarMoves', () => {
  it('draws the event at its target at once, and keeps it there until the data shows the move', async () => {
    const server = new FakeServer();
    const booking = server.add('a', '18:00');
    server.holdNext.add('a');
    const { result, refresh } = setUp(server);

    let taken: Promise<boolean> = Promise.resolve(false);
    act(() => {
      taken = result.current.move(booking, to('19:00'));
    });
    expect(localTime(result.current.overrides.a?.start)).toBe('19:00');
    expect(result.current.busy).toBe(true);

    await act(async () => {
      server.release('a');
      expect(await taken).toBe(true);
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.toast).toMatchObject({ kind: 'success' });
    expect(result.current.toast?.text).toMatch(/^HB-A moved to .*7:00 PM with Aiko\.$/);
    // The calendar's data is still the old one: the event stays where it was dropped.
    expect(localTime(result.current.overrides.a?.start)).toBe('19:00');
    refresh();
    await waitFor(() => expect(result.current.overrides.a).toBeUndefined());
  });

  it('snaps a refused move back, with the reason in words', async () => {
    const server = new FakeServer();
    const booking = server.add('a', '18:00');
    server.busyAt.add('20:00');
    const { result } = setUp(server);

    await act(async () => {
      expect(await result.current.move(booking, to('20:00'))).toBe(false);
    });
    expect(result.current.overrides.a).toBeUndefined();
    expect(result.current.toast).toMatchObject({
      kind: 'error',
      text: 'Chef Aiko is busy at 20:00.',
    });
    expect(result.current.toast?.undo).toBeUndefined();
    expect(server.bookings.get('a')?.time).toBe('18:00');
  });

  it('undoes the latest move at its new version; an undo kept from before a later move is refused', async () => {
    const server = new FakeServer();
    const booking = server.add('a', '18:00');
    const { result, refresh, staleCount } = setUp(server);

    await act(async () => {
      await result.current.move(booking, to('19:00'));
    });
    const firstUndo = result.current.toast?.undo;
    refresh();
    await act(async () => {
      await result.current.move(server.bookings.get('a')!, to('20:00'));
    });
    expect(server.bookings.get('a')).toMatchObject({ time: '20:00', version: 3 });

    await act(async () => {
      result.current.toast?.undo?.();
    });
    await waitFor(() =>
      expect(server.bookings.get('a')).toMatchObject({ time: '19:00', version: 4 }),
    );
    expect(result.current.toast?.text).toMatch(/^HB-A is back at .*7:00 PM\.$/);
    expect(result.current.toast?.undo).toBeUndefined();

    // The first toast's Undo carried version 2: the server refuses it and the calendar reloads.
    await act(async () => {
      firstUndo?.();
    });
    await waitFor(() =>
      expect(result.current.toast?.text).toBe(
        'Someone else moved this booking a moment ago: reloaded.',
      ),
    );
    expect(staleCount()).toBe(1);
    expect(server.bookings.get('a')).toMatchObject({ time: '19:00', version: 4 });
  });

  it('keeps two moves in flight apart: busy until both are answered, a refusal snaps back only its own', async () => {
    const server = new FakeServer();
    const first = server.add('a', '18:00');
    const second = server.add('b', '12:00');
    server.busyAt.add('13:00');
    server.holdNext.add('a');
    server.holdNext.add('b');
    const { result } = setUp(server);

    let moves: Promise<boolean>[] = [];
    act(() => {
      moves = [result.current.move(first, to('19:00')), result.current.move(second, to('13:00'))];
    });
    expect(Object.keys(result.current.overrides).sort()).toEqual(['a', 'b']);

    await act(async () => {
      server.release('b');
      expect(await moves[1]).toBe(false);
    });
    expect(result.current.overrides.b).toBeUndefined();
    expect(localTime(result.current.overrides.a?.start)).toBe('19:00');
    expect(result.current.busy).toBe(true);

    await act(async () => {
      server.release('a');
      expect(await moves[0]).toBe(true);
    });
    expect(result.current.busy).toBe(false);
    expect(localTime(result.current.overrides.a?.start)).toBe('19:00');
  });
});
