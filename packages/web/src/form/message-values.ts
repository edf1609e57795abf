import type { KeyboardEvent } from 'react';

/** A chat message being written (staff reply or customer composer). */
export type MessageValues = { body: string };

/** What is sent: the text less the spaces around it ('' sends nothing). */
export function toMessageText(values: MessageValues): string {
  return values.body.trim();
}

/** Enter sends the message (Shift+Enter starts a new line); Escape leaves the box. */
export function sendOnEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
  if (event.key === 'Escape') event.currentTarget.blur();
}
