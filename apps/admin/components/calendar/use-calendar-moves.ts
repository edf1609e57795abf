'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CalendarEvent, RescheduledBooking } from '@hibachi/core/bookings';
import { ApiError } from '@hibachi/web/fetch-json';
import {
  currentTarget,
  describeMove,
  explainRefusal,
  moveOverride,
  withAnswer,
  type MoveOverride,
} from '@/lib/calendar-moves';
import type { MoveTarget } from '../move-fields';
import type { ToastMessage } from './toast';

export type CalendarMoves = {
  /** Where moved events are drawn until the server's data shows them there. */
  overrides: Readonly<Record<string, MoveOverride>>;
  /** A move is waiting for the server. */
  busy: boolean;
  toast: ToastMessage | undefined;
  dismiss: () => void;
  /** Shows a message of another calendar action (time off marked) in the same toast. */
  announce: (text: string) => void;
  /** Moves at once, then asks the server: true when it took the move, false when refused. */
  move: (event: CalendarEvent, target: MoveTarget) => Promise<boolean>;
};

/**
 * Optimistic moves on the calendar: the event is drawn at its target at once; a refusal
 * snaps it back with the reason in words; a move the server took stays drawn there until
 * the calendar's data carries its new version, and offers Undo (a move back, at the new
 * version). Several moves may be in flight; `busy` holds until the last is answered.
 */
export function useCalendarMoves(options: {
  timeZone: string;
  /** The events as the server last sent them. */
  events: readonly CalendarEvent[] | undefined;
  /** Sends one move: the server's answer, or its refusal as an ApiError. */
  send: (event: CalendarEvent, target: MoveTarget) => Promise<RescheduledBooking>;
  /** The server took a move (update cached data). */
  onMoved?: (event: CalendarEvent, result: RescheduledBooking) => void;
  /** The booking changed meanwhile (STALE_VERSION): reload the data. */
  onStale?: () => void;
}): CalendarMoves {
  const { timeZone, events } = options;
  const [overrides, setOverrides] = useState<Record<string, MoveOverride>>({});
  const [inFlight, setInFlight] = useState(0);
  const [toast, setToast] = useState<ToastMessage>();
  const toastIds = useRef(0);
  /** Answered moves, by booking: the version the data must reach before the override goes. */
  const answered = useRef(new Map<string, number>());
  // The latest callbacks, so `move` keeps one identity while callers re-render.
  const latest = useRef(options);
  useLayoutEffect(() => {
    latest.current = options;
  });

  const forget = useCallback((ids: string[]) => {
    setOverrides((current) => {
      const next = { ...current };
      for (const id of ids) delete next[id];
      return next;
    });
  }, []);

  useEffect(() => {
    if (!events || answered.current.size === 0) return;
    const caughtUp = [...answered.current]
      .filter(([id, version]) => {
        const event = events.find((candidate) => candidate.id === id);
        return !event || event.version >= version;
      })
      .map(([id]) => id);
    if (caughtUp.length === 0) return;
    for (const id of caughtUp) answered.current.delete(id);
    forget(caughtUp);
  }, [events, forget]);

  const show = useCallback((message: Omit<ToastMessage, 'id'>) => {
    toastIds.current += 1;
    setToast({ id: toastIds.current, ...message });
  }, []);

  const move = useCallback(
    async function move(
      event: CalendarEvent,
      target: MoveTarget,
      isUndo = false,
    ): Promise<boolean> {
      setOverrides((current) => ({ ...current, [event.id]: moveOverride(target, timeZone) }));
      setInFlight((count) => count + 1);
      try {
        const result = await latest.current.send(event, target);
        answered.current.set(event.id, result.version);
        latest.current.onMoved?.(event, result);
        const back = currentTarget(event);
        const moved = withAnswer(event, result);
        show({
          kind: 'success',
          text: describeMove(event, result, isUndo),
          undo: isUndo || !result.moved ? undefined : () => void move(moved, back, true),
        });
        return true;
      } catch (error) {
        forget([event.id]);
        show({ kind: 'error', text: explainRefusal(error) });
        if (error instanceof ApiError && error.details?.reason === 'STALE_VERSION')
          latest.current.onStale?.();
        return false;
      } finally {
        setInFlight((count) => count - 1);
      }
    },
    [timeZone, forget, show],
  );

  const dismiss = useCallback(() => setToast(undefined), []);
  const announce = useCallback((text: string) => show({ kind: 'success', text }), [show]);
  return { overrides, busy: inFlight > 0, toast, dismiss, announce, move };
}
