import 'server-only';
import { addStream, type LiveStream } from './live-hub';

/** Writes server-sent events to one response. */
export type EventSink = {
  send: (event: string, data: unknown, id?: number) => void;
  comment: (text: string) => void;
};

type StreamSetup = Omit<LiveStream, 'heartbeat' | 'end'> & {
  /** Runs once the stream has a transport (first catch-up). */
  start: () => void;
  onClose?: () => void;
};

/** Where a stream's text goes: a web ReadableStream (Next.js, tests) or a Node.js response. */
export type EventStreamTransport = {
  write: (text: string) => void;
  close: () => void;
};

/** A stream registered in the hub, waiting for its one transport. */
export type OpenedEventStream = {
  /** Starts writing through `transport` (the first call only; closes it if already ended). */
  attach: (transport: EventStreamTransport) => void;
  /** Ends the stream: the client went away, or the server ends it. */
  finish: () => void;
};

/** Clients wait this long before reconnecting after the server ends a stream. */
const RETRY_MS = 1_000;
const encoder = new TextEncoder();

/**
 * `no-transform` keeps compression from buffering the stream, `X-Accel-Buffering: no` keeps
 * nginx from doing so.
 */
export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-store, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

/** Responses whose stream a Node.js server may write itself (`takeEventStream`). */
const opened = new WeakMap<Response, OpenedEventStream>();

/**
 * Registers a stream in this instance's hub (throws 429/503 before any response starts, so
 * the client gets the JSON envelope). Until a transport is attached it hears nothing: its
 * first catch-up runs once it can write, so nothing is sent into the void.
 */
function openEventStream(setup: (sink: EventSink) => StreamSetup): OpenedEventStream {
  let transport: EventStreamTransport | undefined;
  let closed = false;
  const write = (text: string) => {
    if (closed || !transport) return;
    try {
      transport.write(text);
    } catch {
      finish();
    }
  };
  const sink: EventSink = {
    send: (event, data, id) =>
      write(
        `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
      ),
    comment: (text) => write(`: ${text}\n\n`),
  };
  const stream = setup(sink);
  const remove = addStream({
    owner: stream.owner,
    wants: (event) => transport !== undefined && stream.wants(event),
    handle: stream.handle,
    reset: () => {
      if (transport) stream.reset();
    },
    heartbeat: () => sink.comment('ping'),
    end: finish,
  });
  function finish() {
    if (closed) return;
    closed = true;
    remove();
    stream.onClose?.();
    try {
      transport?.close();
    } catch {
      // already closed by the client
    }
  }
  return {
    attach: (next) => {
      if (transport) return;
      transport = next;
      if (closed) {
        next.close();
        return;
      }
      write(`retry: ${RETRY_MS}\n: connected\n\n`);
      stream.start();
    },
    finish,
  };
}

/**
 * A `text/event-stream` response whose stream joins this instance's hub until the client
 * goes away or the server shuts down. Its body starts when it is first read (Next.js, a
 * test); a Node.js server may instead write the stream to its own response
 * (`takeEventStream`), and then the body is never read.
 */
export function eventStreamResponse(
  request: Request,
  setup: (sink: EventSink) => StreamSetup,
): Response {
  const stream = openEventStream(setup);
  // The request points to the stream, never the reverse: a stream does not keep its request.
  if (request.signal.aborted) stream.finish();
  else request.signal.addEventListener('abort', stream.finish, { once: true });
  const body = new ReadableStream<Uint8Array>(
    {
      pull: (controller) =>
        stream.attach({
          write: (text) => controller.enqueue(encoder.encode(text)),
          close: () => controller.close(),
        }),
      cancel: stream.finish,
    },
    // Nothing is queued ahead of a reader: the first read attaches the stream.
    { highWaterMark: 0 },
  );
  const response = new Response(body, { headers: EVENT_STREAM_HEADERS });
  opened.set(response, stream);
  return response;
}

/**
 * The stream behind a response of `eventStreamResponse`, for a server that writes it to its
 * own connection (packages/web `serveDirectly`); undefined for any other response.
 */
export function takeEventStream(response: Response): OpenedEventStream | undefined {
  const stream = opened.get(response);
  opened.delete(response);
  return stream;
}
