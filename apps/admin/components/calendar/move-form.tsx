'use client';

import type { CalendarEvent } from '@hibachi/core/bookings';
import { MoveFields, readMoveTarget, type MoveTarget } from '../move-fields';

/** The keyboard and touch way to move a booking: the same request a drag sends. */
export function MoveForm({
  event,
  chefs,
  busy,
  onMove,
  onCancel,
}: {
  event: CalendarEvent;
  chefs: { id: string; name: string; active: boolean }[];
  busy: boolean;
  onMove: (target: MoveTarget) => void;
  onCancel: () => void;
}) {
  return (
    <form
      className="move-form"
      aria-label={`Move ${event.reference}`}
      onSubmit={(submit) => {
        submit.preventDefault();
        onMove(readMoveTarget(new FormData(submit.currentTarget)));
      }}
    >
      <MoveFields current={{ ...event, chefId: event.chef.id }} chefs={chefs} autoFocus />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Moving…' : 'Move booking'}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
