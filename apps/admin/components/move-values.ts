import { toWholeNumber } from '@hibachi/web/form-values';

/** Where a booking moves to: the reschedule body without the version. */
export type MoveTarget = { date: string; time: string; durationMinutes: number; chefId?: string };

/** A move form as text (the chef only where the screen offers one). */
export type MoveValues = { date: string; time: string; durationMinutes: string; chefId?: string };

/** The form for a booking where it is now. */
export function toMoveValues(current: {
  date: string;
  time: string;
  durationMinutes: number;
  chefId: string;
}): MoveValues {
  return {
    date: current.date,
    time: current.time,
    durationMinutes: String(current.durationMinutes),
    chefId: current.chefId,
  };
}

/** What a move form asks for; no chef chosen leaves the choice to the server. */
export function toMoveInput(values: MoveValues): MoveTarget {
  return {
    date: values.date,
    time: values.time,
    durationMinutes: toWholeNumber(values.durationMinutes),
    ...(values.chefId ? { chefId: values.chefId } : {}),
  };
}
