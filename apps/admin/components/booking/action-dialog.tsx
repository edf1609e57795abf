'use client';

import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A modal form on the native <dialog> (focus trapped, Escape closes, focus returns to
 * the button that opened it). `onSubmit` resolves when done; errors are shown by the caller.
 */
export function ActionDialog({
  open,
  title,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  danger,
  error,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (data: FormData) => void;
  submitLabel: string;
  busy: boolean;
  danger?: boolean;
  error?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const headingId = `${title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={headingId} onClose={onClose}>
      <form
        method="dialog"
        noValidate
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          onSubmit(new FormData(event.currentTarget));
        }}
      >
        <h2 id={headingId}>{title}</h2>
        {children}
        {error ? (
          <p className="notice error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className={`button${danger ? ' danger' : ''}`} disabled={busy}>
            {busy ? 'Working…' : submitLabel}
          </button>
          <button type="button" className="button secondary" onClick={onClose} disabled={busy}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
