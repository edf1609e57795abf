'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
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

  const toggle = (next: boolean) => {
    setChoice(next);
    sessionStorage.setItem(OPEN_KEY, next ? '1' : '0');
  };

  return (
    <>
      {open ? <ChatPanel onClose={() => toggle(false)} note={initial.note} /> : null}
      <button
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
