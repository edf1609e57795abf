'use client';

import type { InputHTMLAttributes } from 'react';

type Props = {
  id: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  multiline?: boolean;
  onValue: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id'>;

/** A labelled input whose error is announced and linked with aria-describedby. */
export function TextField({ id, label, value, error, hint, multiline, onValue, ...rest }: Props) {
  const describedBy =
    [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea
          id={id}
          name={id}
          value={value}
          rows={3}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(event) => onValue(event.target.value)}
        />
      ) : (
        <input
          id={id}
          name={id}
          value={value}
          aria-invalid={Boolean(error)}
          aria-describedby={describedBy}
          onChange={(event) => onValue(event.target.value)}
          {...rest}
        />
      )}
      {/* Always rendered, so a message appearing on blur never shifts the layout under the pointer. */}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
