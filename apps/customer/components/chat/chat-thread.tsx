'use client';

import { useEffect, useRef, useState } from 'react';
import { MESSAGE_MAX_LENGTH, type TMessage } from '@hibachi/core/conversations/conversation.schema';
import { TextareaField } from '@hibachi/web/field';
import { sendOnEnter, toMessageText, type MessageValues } from '@hibachi/web/message-values';
import { useApiForm } from '@hibachi/web/use-api-form';
import type { Pending, useChat } from './use-chat';

type Chat = ReturnType<typeof useChat>;

/** The conversation: its messages live, those waiting to be sent, and the composer. */
export function ChatThread({
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

/** Writes a message; Enter sends it (Shift+Enter for a new line). */
function Composer({ onSend }: { onSend: (body: string) => void }) {
  const [text, setText] = useState('');
  const { fields, formProps } = useApiForm<MessageValues, string>({
    id: 'chat-composer',
    defaultValue: { body: '' },
    toInput: toMessageText,
    onValid: (body) => {
      if (!body) return;
      onSend(body);
      setText('');
    },
  });
  return (
    <form {...formProps} className="chat-composer">
      <TextareaField
        field={fields.body}
        label="Your message"
        hideLabel
        value={text}
        maxLength={MESSAGE_MAX_LENGTH}
        rows={2}
        placeholder="Write a message (Enter sends, Shift+Enter for a new line)"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={sendOnEnter}
      />
      <button type="submit" className="button" disabled={!text.trim()}>
        Send
      </button>
    </form>
  );
}
