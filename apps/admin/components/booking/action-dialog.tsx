'use client';

import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

/**
 * A modal form on the native <dialog> (focus trapped, Escape closes, focus returns to
 * the button that opened it). `form` is the form's props from `useApiForm`; errors are shown
 * by the caller's fields and `error`.
 */
export function ActionDialog({
  open,
  title,
  onClose,
  form,
  submitLabel,
  pending,
  danger,
  error,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  form: { id: string; onSubmit: (event: FormEvent<HTMLFormElement>) => void; noValidate: boolean };
  submitLabel: string;
  pending: boolean;
  danger?: boolean;
  error?: string | undefined;
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
      <form method="dialog" {...form}>
        <h2 id={headingId}>{title}</h2>
        {children}
        {error ? (
          <p className="notice error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className={`button${danger ? ' danger' : ''}`} disabled={pending}>
            {pending ? 'Working…' : submitLabel}
          </button>
          <button type="button" className="button secondary" onClick={onClose} disabled={pending}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
