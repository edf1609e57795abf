'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { formatLocalDate, formatTime } from '@hibachi/web/format';
import { newBookingHref } from '@/lib/new-booking-href';
import { TimeOffDialog, type TimeOffSelection } from './time-off-dialog';

/** Empty time picked on a chef's column of the day view: from one click or a drag. */
export type SlotSelection = TimeOffSelection & {
  /** Whether the start is still ahead (a booking cannot start in the past). */
  ahead: boolean;
};

/**
 * What to do with an empty slot of a chef: a new booking there (the New booking page, with
 * the date, start and chef filled in) or time off for the hours selected.
 */
export function SlotActions({
  station,
  selection,
  canCreate,
  onClose,
  onMarkedOff,
}: {
  station: { slug: string };
  selection: SlotSelection | undefined;
  canCreate: boolean;
  onClose: () => void;
  onMarkedOff: (message: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [offSelection, setOffSelection] = useState<TimeOffSelection>();
  const choosing = selection !== undefined && offSelection === undefined;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (choosing && !element.open) element.showModal();
    if (!choosing && element.open) element.close();
  }, [choosing]);

  const chef = selection?.chef.name ?? '';
  return (
    <>
      <dialog
        ref={dialog}
        className="dialog slot-actions"
        aria-labelledby="slot-actions-heading"
        onClose={() => {
          if (offSelection === undefined) onClose();
        }}
      >
        {selection ? (
          <>
            <h2 id="slot-actions-heading">
              {chef},{' '}
              {formatLocalDate(selection.date, {
                weekday: 'short',
                month: 'short',
                day: 'numeric',
              })}
              , {formatTime(selection.from)}–{formatTime(selection.to)}
            </h2>
            <div className="actions">
              {canCreate && selection.ahead ? (
                <Link
                  className="button"
                  href={newBookingHref({
                    station: station.slug,
                    date: selection.date,
                    time: selection.from,
                    chef: selection.chef.id,
                  })}
                >
                  New booking for {chef} at {formatTime(selection.from)}
                </Link>
              ) : null}
              <button
                type="button"
                className="button secondary"
                onClick={() => setOffSelection(selection)}
              >
                Time off for {chef}…
              </button>
              <button type="button" className="button secondary" onClick={onClose}>
                Close
              </button>
            </div>
            {canCreate && !selection.ahead ? (
              <p className="muted small">That time has passed: no new booking can start then.</p>
            ) : null}
          </>
        ) : null}
      </dialog>
      <TimeOffDialog
        slug={station.slug}
        selection={offSelection}
        onClose={() => {
          setOffSelection(undefined);
          onClose();
        }}
        onMarkedOff={onMarkedOff}
      />
    </>
  );
}
