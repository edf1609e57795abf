'use client';

import { useState } from 'react';
import { api } from '@/lib/api';
import { onFormSubmit } from '@/lib/form-helpers';
import { useBookingAction } from './use-booking-action';

/** Staff notes (never shown to the customer), saved with the booking's version. */
export function NotesEditor({
  bookingId,
  notes,
  version,
  editable,
}: {
  bookingId: string;
  notes: string | null;
  version: number;
  editable: boolean;
}) {
  const [saved, setSaved] = useState(false);
  const save = useBookingAction(
    bookingId,
    (text: string) => api.saveNotes({ path: { id: bookingId }, body: { notes: text, version } }),
    () => setSaved(true),
  );
  if (!editable)
    return <p className="notes">{notes ?? <span className="muted">No notes.</span>}</p>;
  return (
    <form
      key={`${version}`}
      onSubmit={onFormSubmit(['notes'], ({ notes: text }) => {
        setSaved(false);
        save.run(text);
      })}
    >
      <div className="field">
        <label htmlFor="notes">Staff notes</label>
        <textarea
          id="notes"
          name="notes"
          rows={3}
          maxLength={2000}
          defaultValue={notes ?? ''}
          onChange={() => setSaved(false)}
          aria-describedby="notes-status"
        />
      </div>
      <p id="notes-status" role="status" className="small">
        {save.error ? (
          <span className="field-error">{save.error}</span>
        ) : saved ? (
          'Notes saved.'
        ) : (
          ''
        )}
      </p>
      <button type="submit" className="button secondary" disabled={save.busy}>
        {save.busy ? 'Saving…' : 'Save notes'}
      </button>
    </form>
  );
}
