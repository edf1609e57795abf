'use client';

import type { CalendarEvent } from '@hibachi/core/bookings';
import { useApiForm } from '@hibachi/web/use-api-form';
import { MoveFields } from '../move-fields';
import { toMoveInput, toMoveValues, type MoveTarget, type MoveValues } from '../move-values';

/** The keyboard and touch way to move a booking: the same request a drag sends. */
export function MoveForm({
  event,
  chefs,
  pending,
  onMove,
  onCancel,
}: {
  event: CalendarEvent;
  chefs: { id: string; name: string; active: boolean }[];
  pending: boolean;
  onMove: (target: MoveTarget) => void;
  onCancel: () => void;
}) {
  const { fields, formProps } = useApiForm<MoveValues, MoveTarget>({
    id: `move-${event.id}`,
    defaultValue: toMoveValues({ ...event, chefId: event.chef.id }),
    toInput: toMoveInput,
    onValid: onMove,
  });
  return (
    <form {...formProps} className="move-form" aria-label={`Move ${event.reference}`}>
      <MoveFields
        fields={fields}
        durationMinutes={event.durationMinutes}
        chefs={chefs}
        currentChefId={event.chef.id}
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Moving…' : 'Move booking'}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
