'use client';

import dynamic from 'next/dynamic';
import { useRef, useState } from 'react';
import { useHydrated } from '@hibachi/web/use-hydrated';

// The panel (and everything it brings) loads only when the customer opens it.
const ChatPanel = dynamic(() => import('./chat-panel').then((module) => module.ChatPanel), {
  ssr: false,
  loading: () => <div className="chat-panel chat-loading">Opening the chat…</div>,
});

const OPEN_KEY = 'hibachi-chat-open';

/** Opened by the e-mail link (`?chat=open`), or still open from earlier in this tab. */
function wantsOpen(): { open: boolean; note?: string } {
  const chat = new URLSearchParams(window.location.search).get('chat');
  if (chat === 'expired')
    return { open: true, note: 'That conversation link no longer works. Start a new one here.' };
  return { open: chat === 'open' || sessionStorage.getItem(OPEN_KEY) === '1' };
}

/** The "Chat with us" button on every customer page. */
export function ChatLauncher() {
  const hydrated = useHydrated();
  const [choice, setChoice] = useState<boolean>();
  const initial = hydrated ? wantsOpen() : { open: false };
  const open = choice ?? initial.open;
  const launcher = useRef<HTMLButtonElement>(null);

  const toggle = (next: boolean) => {
    setChoice(next);
    sessionStorage.setItem(OPEN_KEY, next ? '1' : '0');
    // Closing from inside the panel gives focus back to the button that opened it.
    if (!next) launcher.current?.focus();
  };

  return (
    <>
      {open ? (
        <ChatPanel
          onClose={() => toggle(false)}
          note={initial.note}
          // focus moves into the panel when the customer opens it, not when a page reopens it
          focusOnOpen={choice === true}
        />
      ) : null}
      <button
        ref={launcher}
        type="button"
        className="chat-launcher button"
        aria-expanded={open}
        onClick={() => toggle(!open)}
      >
        {open ? 'Close chat' : 'Chat with us'}
      </button>
    </>
  );
}
