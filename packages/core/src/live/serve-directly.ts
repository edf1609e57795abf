import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeError } from '../errors/describe-error';
import { logger } from '../logger';
import { takeEventStream } from './event-stream';

type RouteHandler = (request: Request) => Promise<Response>;
type Header = { key: string; value: string };

/** Answers a request on the server's own connection, or returns false to leave it to Next.js. */
export type DirectRoute = (request: IncomingMessage, response: ServerResponse) => boolean;

const globalForServer = globalThis as unknown as {
  hibachiServer?: { draining: boolean; directRoutes?: Map<string, DirectRoute> };
};

/**
 * Lets the production server (packages/web/serve.mjs) answer `GET path` with the route's own
 * handler outside Next.js's request pipeline, which keeps its per-request state (the request
 * adapters, the route's async context, a web stream piped into a second one) for as long as
 * an answer lasts: for a live stream, as long as the client stays (decision 25). The
 * handler's event stream is written straight to the connection; any other answer (a 404, a
 * 429) is sent whole. `headers` are what next.config adds to the path's answers.
 */
export function serveDirectly(
  path: string,
  handler: RouteHandler,
  headers: readonly Header[],
): void {
  const server = (globalForServer.hibachiServer ??= { draining: false });
  (server.directRoutes ??= new Map<string, DirectRoute>()).set(path, (incoming, outgoing) => {
    let request: Request;
    try {
      request = toRequest(incoming);
    } catch {
      // A request the Fetch API cannot represent: Next.js answers it as it would any other.
      return false;
    }
    void answer(handler(request), outgoing, headers).catch((error: unknown) => {
      logger.error({ error: describeError(error), path }, 'direct answer failed');
      outgoing.destroy();
    });
    return true;
  });
}

/** The Fetch API's view of a Node.js request (from its raw headers: nothing cached on it). */
function toRequest(incoming: IncomingMessage): Request {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2)
    headers.append(raw[index] ?? '', raw[index + 1] ?? '');
  return new Request(new URL(incoming.url ?? '/', `http://${headers.get('host') ?? 'localhost'}`), {
    headers,
  });
}

async function answer(
  pending: Promise<Response>,
  outgoing: ServerResponse,
  headers: readonly Header[],
): Promise<void> {
  let gone = false;
  outgoing.once('close', () => {
    gone = true;
  });
  const response = await pending;
  // As Next.js does: the configured headers first, the route's where they leave a gap
  // (serve.mjs's `Connection: close` while draining stays).
  for (const { key, value } of headers) outgoing.setHeader(key, value);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outgoing.setHeader('Set-Cookie', cookies);
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie' && !outgoing.hasHeader(key)) outgoing.setHeader(key, value);
  });
  outgoing.statusCode = response.status;
  const stream = takeEventStream(response);
  if (!stream) {
    outgoing.end(Buffer.from(await response.arrayBuffer()));
    return;
  }
  if (gone) {
    stream.finish();
    return;
  }
  outgoing.once('close', stream.finish);
  stream.attach({
    write: (text) => {
      outgoing.write(text);
    },
    close: () => outgoing.end(),
  });
}
