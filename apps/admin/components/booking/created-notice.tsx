'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldOf, Field } from '@hibachi/web/field';
import { formatInstant } from '@hibachi/web/format';
import { createdNoticeKey, type CreatedNotice } from '../new-booking/created-booking';

const LINK_ID = 'proposal-link';

/**
 * Said on the booking's page right after staff booked it (the New booking page left it in the
 * tab's query cache): held until when, that the customer was e-mailed the proposal link, and
 * the link to copy into a text message. Nothing while the booking is no longer held.
 */
export function CreatedBookingNotice({ id, held }: { id: string; held: boolean }) {
  const queryClient = useQueryClient();
  const [created] = useState(() => queryClient.getQueryData<CreatedNotice>(createdNoticeKey(id)));
  const [copied, setCopied] = useState<string>();
  if (!created || !held) return null;

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      // No clipboard for this page (permissions, an older browser): selected for Ctrl+C.
      const input = document.getElementById(LINK_ID);
      if (input instanceof HTMLInputElement) input.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  }

  return (
    <div className="notice success created-notice" data-testid="created-notice">
      <p>
        <strong>Booked {created.reference}.</strong> Held until{' '}
        {formatInstant(created.holdExpiresAt, created.timezone)}: the customer was e-mailed the
        proposal to accept and pay.
      </p>
      <div className="copy-row">
        <Field
          field={fieldOf(LINK_ID)}
          label="Proposal link"
          inline
          readOnly
          value={created.proposalLink}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className="button secondary"
          onClick={() => void copy(created.proposalLink)}
        >
          Copy link
        </button>
        <span className="small" role="status">
          {copied}
        </span>
      </div>
    </div>
  );
}
