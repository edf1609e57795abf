export const dynamic = 'force-dynamic';

const bodies = new Map<number, Uint8Array<ArrayBuffer>>();

/**
 * The bare route with a body of `?bytes=N` (JSON, built once per size): what sending a large
 * answer costs in Next.js on this machine, the baseline of a large cached answer.
 */
export function GET(request: Request): Response {
  const size = Math.min(
    Math.max(Number(new URL(request.url).searchParams.get('bytes')) || 0, 16),
    1_000_000,
  );
  let body = bodies.get(size);
  if (!body) {
    body = Uint8Array.from(
      new TextEncoder().encode(JSON.stringify({ data: 'x'.repeat(size - 12) })),
    );
    bodies.set(size, body);
  }
  return new Response(body, { headers: { 'Content-Type': 'application/json' } });
}
