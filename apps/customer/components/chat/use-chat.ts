'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  TCustomerConversation,
  TMessage,
  TStartConversationInput,
} from '@hibachi/core/conversations/conversation.schema';
import { ApiError, fetchJson } from '@hibachi/web/fetch-json';
import { openLiveEvents, type LiveStatus } from '@hibachi/web/live-events';

/** A message typed but not yet kept by the server (offline, or on its way). */
export type Pending = { clientMessageId: string; body: string; error?: string };
type Conversation = Omit<TCustomerConversation, 'messages' | 'more'>;
type State = { staffReadSeq: number; status: 'OPEN' | 'CLOSED'; assistant: boolean };

const PENDING_KEY = 'hibachi-chat-pending';
const BASE = '/api/conversations';

function loadPending(): Pending[] {
  try {
    return JSON.parse(localStorage.getItem(PENDING_KEY) ?? '[]') as Pending[];
  } catch {
    return [];
  }
}

/** Adds messages by number: each once, in order, whichever way it arrived. */
export function mergeMessages(current: TMessage[], incoming: TMessage[]): TMessage[] {
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The widget's conversation: loaded from the cookie, followed live (resuming after the last
 * message it has), messages sent exactly once (each has its own id and waits in local
 * storage until the server keeps it, across reloads and network losses), read receipts.
 */
export function useChat(open: boolean) {
  const [conversation, setConversation] = useState<Conversation | null | undefined>(undefined);
  const [messages, setMessages] = useState<TMessage[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const lastSeq = useRef(0);
  const pendingRef = useRef<Pending[]>([]);
  const flushing = useRef(false);
  const readSent = useRef(0);

  const receive = useCallback((incoming: TMessage[]) => {
    if (incoming.length === 0) return;
    lastSeq.current = Math.max(lastSeq.current, ...incoming.map((message) => message.seq));
    setMessages((current) => mergeMessages(current, incoming));
    const kept = new Set(incoming.map((message) => message.clientMessageId));
    updatePending(pendingRef.current.filter((item) => !kept.has(item.clientMessageId)));
  }, []);

  function updatePending(next: Pending[]) {
    pendingRef.current = next;
    setPending(next);
    localStorage.setItem(PENDING_KEY, JSON.stringify(next));
  }

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const item of [...pendingRef.current]) {
        try {
          const message = await fetchJson<TMessage>(`${BASE}/current/messages`, {
            method: 'POST',
            body: JSON.stringify({ clientMessageId: item.clientMessageId, body: item.body }),
          });
          receive([message]);
        } catch (error) {
          // Offline or the server is restarting: it stays queued for the next connection.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
            updatePending(
              pendingRef.current.map((candidate) =>
                candidate.clientMessageId === item.clientMessageId
                  ? { ...candidate, error: error.message }
                  : candidate,
              ),
            );
          }
          break;
        }
      }
    } finally {
      flushing.current = false;
    }
  }, [receive]);

  const apply = useCallback(
    (loaded: TCustomerConversation) => {
      const { messages: first, more: _more, ...rest } = loaded;
      setConversation(rest);
      receive(first);
    },
    [receive],
  );

  useEffect(() => {
    if (!open || conversation !== undefined) return;
    pendingRef.current = loadPending();
    setPending(pendingRef.current);
    fetchJson<TCustomerConversation>(`${BASE}/current`)
      .then(apply)
      .catch((error: unknown) => {
        setConversation(error instanceof ApiError && error.status === 404 ? null : undefined);
      });
  }, [open, conversation, apply]);

  const conversationId = conversation?.id;
  useEffect(() => {
    if (!conversationId) return;
    return openLiveEvents({
      url: () => `${BASE}/current/events?after=${lastSeq.current}`,
      on: {
        message: (data) => receive([data as TMessage]),
        state: (data) =>
          setConversation((current) => (current ? { ...current, ...(data as State) } : current)),
      },
      onStatus: setStatus,
      onOpen: () => void flush(),
    });
  }, [conversationId, receive, flush]);

  // What the customer has on screen is read: staff see it, and no e-mail repeats it.
  const newest = messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (!open || !conversationId || newest <= readSent.current) return;
    const send = () => {
      if (document.visibilityState !== 'visible' || newest <= readSent.current) return;
      readSent.current = newest;
      void fetchJson(`${BASE}/current/read`, {
        method: 'POST',
        body: JSON.stringify({ seq: newest }),
      }).catch(() => {
        readSent.current = 0;
      });
    };
    send();
    document.addEventListener('visibilitychange', send);
    return () => document.removeEventListener('visibilitychange', send);
  }, [open, conversationId, newest]);

  const send = useCallback(
    (body: string) => {
      updatePending([...pendingRef.current, { clientMessageId: crypto.randomUUID(), body }]);
      void flush();
    },
    [flush],
  );

  const retry = useCallback(() => {
    updatePending(pendingRef.current.map(({ error: _error, ...item }) => item));
    void flush();
  }, [flush]);

  const start = useCallback(
    async (input: TStartConversationInput) => {
      const loaded = await fetchJson<TCustomerConversation>(BASE, {
        method: 'POST',
        body: JSON.stringify(input),
      });
      lastSeq.current = 0;
      setMessages([]);
      apply(loaded);
    },
    [apply],
  );

  return { conversation, messages, pending, status, send, retry, start };
}
