'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  MESSAGE_MAX_LENGTH,
  type TConversationUpdate,
  type TStaffConversation,
} from '@hibachi/core/conversations/conversation.schema';
import { Field, fieldOf, SelectField, TextareaField } from '@hibachi/web/field';
import { sendOnEnter, toMessageText, type MessageValues } from '@hibachi/web/message-values';
import { useApiForm } from '@hibachi/web/use-api-form';
import { api } from '@/lib/api';

/** One conversation: the messages (the assistant's marked), reply, assign, close, link. */
export function ConversationThread({ id, me }: { id: string; me: string }) {
  const queryClient = useQueryClient();
  const thread = useQuery({
    queryKey: ['conversation', id],
    queryFn: () => api.conversation({ path: { id } }),
  });
  const data = thread.data;
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: ['conversation', id] });
    void queryClient.invalidateQueries({ queryKey: ['conversations'] });
    void queryClient.invalidateQueries({ queryKey: ['unread-conversations'] });
  }, [queryClient, id]);

  // Shown is read: the customer sees it, and the badge counts it out.
  const read = useRef(0);
  useEffect(() => {
    if (!data || data.unread === 0 || read.current >= data.lastSeq) return;
    read.current = data.lastSeq;
    void api.markConversationRead({ path: { id }, body: { seq: data.lastSeq } }).then(refresh);
  }, [data, id, refresh]);

  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [data?.messages.length]);

  const update = useMutation({
    mutationFn: (body: TConversationUpdate) => api.updateConversation({ path: { id }, body }),
    onSuccess: (next) => {
      queryClient.setQueryData(['conversation', id], next);
      refresh();
    },
  });

  if (thread.isPending) return <p className="muted">Loading…</p>;
  if (!data) return <p className="notice error">{thread.error?.message ?? 'Not found.'}</p>;

  return (
    <article className="thread" aria-label={`Conversation with ${data.customerName}`}>
      <header className="thread-header">
        <div>
          <h2>{data.customerName}</h2>
          <p className="small muted">
            <a href={`mailto:${data.customerEmail}`}>{data.customerEmail}</a> · {data.station.name}
            {data.assistant ? ' · the assistant answers first' : ''}
          </p>
        </div>
        <ThreadActions
          data={data}
          me={me}
          pending={update.isPending}
          onUpdate={(body) => update.mutate(body)}
        />
      </header>
      {update.error ? <p className="notice error">{update.error.message}</p> : null}
      <ol
        className="chat-messages thread-messages"
        ref={list}
        aria-live="polite"
        aria-label="Messages"
      >
        {data.messages.map((message) => (
          <li
            key={message.seq}
            className={`chat-message chat-${message.author.toLowerCase()}`}
            data-seq={message.seq}
          >
            <span className="chat-author">
              {message.authorName}
              {message.author === 'ASSISTANT' ? <span className="tag">assistant</span> : null}
            </span>
            <p>{message.body}</p>
            <span className="chat-meta">
              {new Date(message.createdAt).toLocaleString([], {
                month: 'short',
                day: 'numeric',
                hour: 'numeric',
                minute: '2-digit',
              })}
              {message.author === 'STAFF' && data.customerReadSeq >= message.seq ? ' · seen' : ''}
            </span>
          </li>
        ))}
      </ol>
      <Reply id={id} onSent={refresh} />
    </article>
  );
}

function ThreadActions({
  data,
  me,
  pending,
  onUpdate,
}: {
  data: TStaffConversation;
  me: string;
  pending: boolean;
  onUpdate: (body: TConversationUpdate) => void;
}) {
  return (
    <div className="thread-actions">
      <SelectField
        field={fieldOf('conversation-assignee', 'assignedToId')}
        label="Assigned to"
        inline
        className="small"
        value={data.assignedTo?.id ?? ''}
        disabled={pending}
        onChange={(event) => onUpdate({ assignedToId: event.target.value || null })}
      >
        <option value="">Nobody</option>
        {data.assignable.map((person) => (
          <option key={person.id} value={person.id}>
            {person.id === me ? `${person.name} (me)` : person.name}
          </option>
        ))}
      </SelectField>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={() => onUpdate({ status: data.status === 'OPEN' ? 'CLOSED' : 'OPEN' })}
      >
        {data.status === 'OPEN' ? 'Close' : 'Reopen'}
      </button>
      {data.booking ? (
        <span className="small">
          Booking <Link href={`/bookings/${data.booking.id}`}>{data.booking.reference}</Link>{' '}
          <button
            type="button"
            className="link-button"
            disabled={pending}
            onClick={() => onUpdate({ bookingReference: null })}
          >
            unlink
          </button>
        </span>
      ) : (
        <LinkBookingForm
          onLink={(bookingReference) => onUpdate({ bookingReference })}
          pending={pending}
        />
      )}
    </div>
  );
}

/** Links the conversation to a booking by its reference. */
function LinkBookingForm({
  pending,
  onLink,
}: {
  pending: boolean;
  onLink: (reference: string) => void;
}) {
  const { fields, formProps } = useApiForm<{ reference: string }, string>({
    id: 'link-booking',
    defaultValue: { reference: '' },
    toInput: (values) => values.reference.trim(),
    onValid: (reference) => reference && onLink(reference),
  });
  return (
    <form {...formProps} className="small inline-form">
      <Field
        field={fields.reference}
        label="Booking reference"
        hideLabel
        placeholder="Booking reference"
        size={14}
      />{' '}
      <button type="submit" className="link-button" disabled={pending}>
        Link
      </button>
    </form>
  );
}

function Reply({ id, onSent }: { id: string; onSent: () => void }) {
  const [text, setText] = useState('');
  // One id per message typed: a retry after a lost answer is kept once.
  const [clientMessageId, setClientMessageId] = useState(() => crypto.randomUUID());
  const send = useMutation({
    mutationFn: (body: string) =>
      api.replyToConversation({ path: { id }, body: { clientMessageId, body } }),
    onSuccess: () => {
      setText('');
      setClientMessageId(crypto.randomUUID());
      onSent();
    },
  });
  const { fields, formProps } = useApiForm<MessageValues, string>({
    id: `reply-${id}`,
    defaultValue: { body: '' },
    toInput: toMessageText,
    onValid: (body) => {
      if (body && !send.isPending) send.mutate(body);
    },
  });
  return (
    <form {...formProps} className="chat-composer">
      <TextareaField
        field={fields.body}
        label="Reply"
        hideLabel
        value={text}
        rows={3}
        maxLength={MESSAGE_MAX_LENGTH}
        placeholder="Reply (Enter sends, Shift+Enter for a new line)"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={sendOnEnter}
      />
      <button type="submit" className="button" disabled={!text.trim() || send.isPending}>
        {send.isPending ? 'Sending…' : 'Send'}
      </button>
      {send.error ? (
        <p className="field-error" role="alert">
          {send.error.message}
        </p>
      ) : null}
    </form>
  );
}
