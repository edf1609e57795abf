import { conversationCookieHeader, verifyConversationKey } from '@hibachi/core/conversations';

export const dynamic = 'force-dynamic';

/**
 * The link in a reply e-mail: with a valid key it sets the widget's cookie and opens the
 * conversation on the home page; the key leaves the address bar at once (303).
 */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const key = new URL(request.url).searchParams.get('key') ?? '';
  const valid = verifyConversationKey(id, key);
  return new Response(null, {
    status: 303,
    headers: {
      Location: valid ? '/?chat=open' : '/?chat=expired',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      ...(valid ? { 'Set-Cookie': conversationCookieHeader(`${id}.${key}`) } : {}),
    },
  });
}
