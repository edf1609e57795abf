'use client';

import { useState } from 'react';
import { TextareaField } from '@hibachi/web/field';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';
import { useBookingAction } from './use-booking-action';

type NotesValues = { notes: string };
const toNotesInput = (values: NotesValues) => values.notes;

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
    // A new version (saved here or elsewhere) starts the form again from the saved notes.
    <NotesForm
      key={version}
      notes={notes}
      save={save}
      saved={saved}
      onEdit={() => setSaved(false)}
    />
  );
}

function NotesForm({
  notes,
  save,
  saved,
  onEdit,
}: {
  notes: string | null;
  save: ReturnType<typeof useBookingAction<string, unknown>>;
  saved: boolean;
  onEdit: () => void;
}) {
  const { fields, formProps } = useApiForm<NotesValues, string>({
    id: 'staff-notes',
    defaultValue: { notes: notes ?? '' },
    toInput: toNotesInput,
    onValid: (text) => {
      onEdit();
      save.run(text);
    },
    error: save.failure,
  });
  return (
    <form {...formProps}>
      <TextareaField
        field={fields.notes}
        label="Staff notes"
        rows={3}
        maxLength={2000}
        onChange={onEdit}
      />
      <p role="status" className="small">
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
