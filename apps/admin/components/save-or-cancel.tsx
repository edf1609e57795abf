/** The two buttons closing an inline edit: submit the form, or drop the edit. */
export function SaveOrCancel({ pending, onCancel }: { pending: boolean; onCancel: () => void }) {
  return (
    <>
      <button type="submit" className="button" disabled={pending}>
        Save
      </button>
      <button type="button" className="button secondary" onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}
