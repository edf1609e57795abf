'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import {
  MESSAGE_MAX_LENGTH,
  type TConversationUpdate,
  type TStaffConversation,
} from '@hibachi/core/conversations/conversation.schema';
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
  const [reference, setReference] = useState('');
  return (
    <div className="thread-actions">
      <label className="small">
        Assigned to{' '}
        <select
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
        </select>
      </label>
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
        <form
          className="small"
          onSubmit={(event) => {
            event.preventDefault();
            if (reference.trim()) onUpdate({ bookingReference: reference.trim() });
          }}
        >
          <label>
            <span className="visually-hidden">Booking reference</span>
            <input
              value={reference}
              placeholder="Booking reference"
              size={14}
              onChange={(event) => setReference(event.target.value)}
            />
          </label>{' '}
          <button type="submit" className="link-button" disabled={pending}>
            Link
          </button>
        </form>
      )}
    </div>
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
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (text.trim() && !send.isPending) send.mutate(text.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) submit(event);
    if (event.key === 'Escape') event.currentTarget.blur();
  };
  return (
    <form className="chat-composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`reply-${id}`}>
        Reply
      </label>
      <textarea
        id={`reply-${id}`}
        value={text}
        rows={3}
        maxLength={MESSAGE_MAX_LENGTH}
        placeholder="Reply (Enter sends, Shift+Enter for a new line)"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
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
