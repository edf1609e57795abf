'use client';

import { useEffect, useRef, useState } from 'react';
import { ChatThread } from './chat-thread';
import { StartForm } from './start-form';
import { useChat } from './use-chat';

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
        <ChatThread chat={chat} conversation={chat.conversation} />
      )}
    </section>
  );
}
