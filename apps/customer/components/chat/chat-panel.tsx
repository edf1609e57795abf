'use client';

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MESSAGE_MAX_LENGTH } from '@hibachi/core/conversations/conversation.schema';
import type { TMessage } from '@hibachi/core/conversations/conversation.schema';
import type { TStationSummary } from '@hibachi/core/stations/station.schema';
import { ApiError, fetchJson } from '@hibachi/web/fetch-json';
import { useChat, type Pending } from './use-chat';

/** On a manage page (`/manage/REF?token=…`) the conversation is opened on that booking. */
function bookingOfPage(): { reference: string; token: string } | undefined {
  const match = /^\/manage\/([^/]+)$/.exec(window.location.pathname);
  const token = new URLSearchParams(window.location.search).get('token');
  return match?.[1] && token ? { reference: decodeURIComponent(match[1]), token } : undefined;
}

export function ChatPanel({
  onClose,
  note,
  focusOnOpen = false,
}: {
  onClose: () => void;
  note?: string;
  focusOnOpen?: boolean;
}) {
  const chat = useChat(true);
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnOpen) panel.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the panel mounts
  }, []);
  const [booking] = useState(bookingOfPage);
  const onOtherBooking =
    booking && chat.conversation && chat.conversation.bookingReference !== booking.reference;
  const starting = chat.conversation === null || onOtherBooking;

  return (
    <section
      ref={panel}
      tabIndex={-1}
      className="chat-panel"
      aria-label="Chat with us"
      role="dialog"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="chat-header">
        <div>
          <strong>Chat with us</strong>
          {chat.conversation ? (
            <span className="small muted"> · {chat.conversation.station.name}</span>
          ) : null}
        </div>
        <button type="button" className="link-button" onClick={onClose} aria-label="Close chat">
          ✕
        </button>
      </header>
      {note && starting ? <p className="notice small">{note}</p> : null}
      {chat.conversation === undefined ? (
        <p className="muted chat-body">Loading…</p>
      ) : starting || !chat.conversation ? (
        <StartForm booking={booking} onStart={chat.start} />
      ) : (
        <Thread chat={chat} conversation={chat.conversation} />
      )}
    </section>
  );
}

type Chat = ReturnType<typeof useChat>;

function Thread({
  chat,
  conversation,
}: {
  chat: Chat;
  conversation: NonNullable<Chat['conversation']>;
}) {
  const list = useRef<HTMLOListElement>(null);
  const lastMine = [...chat.messages].reverse().find((message) => message.author === 'CUSTOMER');
  useEffect(() => {
    list.current?.scrollTo({ top: list.current.scrollHeight });
  }, [chat.messages.length, chat.pending.length]);

  return (
    <>
      {chat.status !== 'open' ? (
        <p className="chat-status" role="status">
          {chat.status === 'offline'
            ? 'You are offline. Messages you write are sent when you are back.'
            : 'Reconnecting…'}
        </p>
      ) : null}
      {conversation.assistant ? (
        <p className="small muted chat-body">
          An automated assistant answers first; ask for a person at any time.
        </p>
      ) : null}
      <ol className="chat-messages" ref={list} aria-live="polite" aria-label="Messages">
        {chat.messages.map((message) => (
          <Bubble
            key={message.seq}
            message={message}
            seen={
              message.seq === lastMine?.seq && conversation.staffReadSeq >= message.seq
                ? 'Seen'
                : undefined
            }
          />
        ))}
        {chat.pending.map((item) => (
          <PendingBubble key={item.clientMessageId} item={item} onRetry={chat.retry} />
        ))}
      </ol>
      {conversation.status === 'CLOSED' ? (
        <p className="small muted chat-body">This conversation was closed. Writing reopens it.</p>
      ) : null}
      <Composer onSend={chat.send} />
    </>
  );
}

function Bubble({ message, seen }: { message: TMessage; seen?: string }) {
  const time = new Date(message.createdAt).toLocaleTimeString([], {
    hour: 'numeric',
    minute: '2-digit',
  });
  return (
    <li className={`chat-message chat-${message.author.toLowerCase()}`} data-seq={message.seq}>
      {message.author !== 'CUSTOMER' && message.author !== 'SYSTEM' ? (
        <span className="chat-author">
          {message.authorName}
          {message.author === 'ASSISTANT' ? <span className="tag">automated</span> : null}
        </span>
      ) : null}
      <p>{message.body}</p>
      <span className="chat-meta">
        {time}
        {seen ? ` · ${seen}` : ''}
      </span>
    </li>
  );
}

function PendingBubble({ item, onRetry }: { item: Pending; onRetry: () => void }) {
  return (
    <li className="chat-message chat-customer chat-pending">
      <p>{item.body}</p>
      <span className="chat-meta">
        {item.error ? (
          <>
            Not sent: {item.error}{' '}
            <button type="button" className="link-button" onClick={onRetry}>
              Retry
            </button>
          </>
        ) : (
          'Sending…'
        )}
      </span>
    </li>
  );
}

function Composer({ onSend }: { onSend: (body: string) => void }) {
  const [text, setText] = useState('');
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = text.trim();
    if (!body) return;
    onSend(body);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) submit(event);
  };
  return (
    <form className="chat-composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="chat-text">
        Your message
      </label>
      <textarea
        id="chat-text"
        value={text}
        maxLength={MESSAGE_MAX_LENGTH}
        rows={2}
        placeholder="Write a message (Enter sends, Shift+Enter for a new line)"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button" disabled={!text.trim()}>
        Send
      </button>
    </form>
  );
}

function StartForm({
  booking,
  onStart,
}: {
  booking?: { reference: string; token: string };
  onStart: ReturnType<typeof useChat>['start'];
}) {
  const [stations, setStations] = useState<TStationSummary[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!booking) void fetchJson<TStationSummary[]>('/api/stations').then(setStations, () => []);
  }, [booking]);
  const preselected =
    typeof window === 'undefined'
      ? ''
      : (new URLSearchParams(window.location.search).get('station') ?? '');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const text = field('message').trim();
    const message = text ? { clientMessageId: crypto.randomUUID(), body: text } : undefined;
    // Sent as filled in: only a bot fills the hidden field, and the server refuses it.
    const website = field('website') as '';
    setBusy(true);
    setErrors({});
    setFailure(undefined);
    try {
      await onStart(
        booking
          ? { ...booking, message, website }
          : {
              station: field('station'),
              name: field('name'),
              email: field('email'),
              message,
              website,
            },
      );
    } catch (error) {
      if (error instanceof ApiError && error.details)
        setErrors(error.details as Record<string, string[]>);
      setFailure(error instanceof Error ? error.message : 'Something went wrong.');
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    errors[name] ? <span className="field-error">{errors[name]?.[0]}</span> : null;
  return (
    <form className="chat-start chat-body" onSubmit={(event) => void submit(event)} noValidate>
      <p className="small">
        {booking
          ? `Ask us anything about booking ${booking.reference}.`
          : 'Ask us anything: dates, menus, big parties. We answer here and by e-mail.'}
      </p>
      {booking ? null : (
        <>
          <label className="field">
            <span>Location</span>
            <select name="station" defaultValue={preselected} required>
              <option value="">Choose…</option>
              {stations.map((station) => (
                <option key={station.slug} value={station.slug}>
                  {station.name}
                </option>
              ))}
            </select>
            {fieldError('station')}
          </label>
          <label className="field">
            <span>Your name</span>
            <input name="name" autoComplete="name" required maxLength={100} />
            {fieldError('name')}
          </label>
          <label className="field">
            <span>E-mail</span>
            <input name="email" type="email" autoComplete="email" required maxLength={254} />
            {fieldError('email')}
          </label>
        </>
      )}
      <label className="field">
        <span>Message</span>
        <textarea name="message" rows={3} maxLength={MESSAGE_MAX_LENGTH} />
        {fieldError('message.body')}
      </label>
      {/* A honeypot: people never see or fill it. */}
      <label className="chat-website" aria-hidden="true">
        Website
        <input name="website" tabIndex={-1} autoComplete="off" />
      </label>
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Starting…' : 'Start chatting'}
      </button>
    </form>
  );
}
