import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getServerEnv } from '../env';
import { isUuid, UUID_SOURCE } from '../validation/uuid';

/**
 * A conversation's key: HMAC of its id, so it is never stored (an e-mail can sign it again)
 * and proves the holder is the customer who opened it. The widget keeps it in an httpOnly
 * cookie scoped to `/api/conversations`, so neither scripts nor other paths read it.
 */
export function conversationKey(conversationId: string): string {
  return createHmac('sha256', getServerEnv().BOOKING_TOKEN_SECRET)
    .update(`conversation.${conversationId}`)
    .digest('base64url');
}

/** Whether the key is this conversation's (an id that is no UUID has none). */
export function verifyConversationKey(conversationId: string, key: string): boolean {
  if (!isUuid(conversationId)) return false;
  const expected = Buffer.from(conversationKey(conversationId));
  const actual = Buffer.from(key);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export const CONVERSATION_COOKIE = 'hibachi_chat';
const COOKIE_PATTERN = new RegExp(`^(${UUID_SOURCE})\\.([A-Za-z0-9_-]{43})$`);

/** The cookie's value: `<id>.<key>`; undefined when malformed. */
export function parseConversationCookie(
  value: string | undefined,
): { conversationId: string; key: string } | undefined {
  const match = COOKIE_PATTERN.exec(value ?? '');
  return match ? { conversationId: match[1] ?? '', key: match[2] ?? '' } : undefined;
}

/** The link in a reply e-mail: opens the widget on this conversation (`/chat/ID?key=…`). */
export function conversationUrl(conversationId: string): string {
  return `/chat/${conversationId}?key=${conversationKey(conversationId)}`;
}

/** The widget's cookie from a request's `Cookie` header. */
export function readConversationCookie(request: Request): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CONVERSATION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** `Set-Cookie` for the widget: httpOnly, only sent to the conversation API, 90 days. */
export function conversationCookieHeader(value: string): string {
  const secure = getServerEnv().PUBLIC_CUSTOMER_URL.startsWith('https:') ? '; Secure' : '';
  return `${CONVERSATION_COOKIE}=${value}; Path=/api/conversations; HttpOnly; SameSite=Lax; Max-Age=7776000${secure}`;
}
