'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { formatInstant } from '@hibachi/web/format';
import { api } from '@/lib/api';

/** Which version to open, and the SHA-256 an acceptance recorded for it (to compare). */
export type TermsToOpen = { version: number; acceptedSha256?: string };

/**
 * One version of a station's terms, exactly as published (the text an acceptance points at),
 * in a modal <dialog>: open while mounted; Escape or Close ends it and focus goes back.
 */
export function TermsTextDialog({
  slug,
  terms,
  timeZone,
  onClose,
}: {
  slug: string;
  terms: TermsToOpen;
  timeZone: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const text = useQuery({
    queryKey: ['terms-version', slug, terms.version],
    queryFn: () => api.termsVersion({ path: { slug, version: String(terms.version) } }),
    // A published version never changes.
    staleTime: Infinity,
    retry: false,
  });
  const headingId = `terms-v${terms.version}-heading`;
  const data = text.data;
  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>Terms, version {terms.version}</h2>
      {data ? (
        <>
          <p className="small muted">
            Published {formatInstant(data.createdAt, timeZone)} · SHA-256{' '}
            <code className="sha">{data.sha256}</code>
          </p>
          {terms.acceptedSha256 === undefined ? null : terms.acceptedSha256 === data.sha256 ? (
            <p className="notice success">This is the exact text the customer accepted.</p>
          ) : (
            <p className="notice error" role="alert">
              This text does not match the SHA-256 the acceptance recorded.
            </p>
          )}
          <div
            className="email-text terms-text"
            tabIndex={0}
            role="document"
            aria-label={`Text of the terms, version ${terms.version}`}
          >
            {data.body}
          </div>
        </>
      ) : text.isError ? (
        <p className="notice error" role="alert">
          The terms could not be loaded: {text.error.message}
        </p>
      ) : (
        <p className="muted" aria-busy="true">
          Loading the terms…
        </p>
      )}
      <div className="actions">
        <button type="button" className="button secondary" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
