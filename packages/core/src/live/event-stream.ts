import 'server-only';
import { addStream, type LiveStream } from './live-hub';

/** Writes server-sent events to one response. */
export type EventSink = {
  send: (event: string, data: unknown, id?: number) => void;
  comment: (text: string) => void;
};

type StreamSetup = Omit<LiveStream, 'heartbeat' | 'end'> & {
  /** Runs once the stream is registered (first catch-up). */
  start: () => void;
  onClose?: () => void;
};

/** Clients wait this long before reconnecting after the server ends a stream. */
const RETRY_MS = 1_000;
const encoder = new TextEncoder();

/**
 * A `text/event-stream` response whose stream joins this instance's hub until the client
 * goes away or the server shuts down. `no-transform` keeps compression from buffering it,
 * `X-Accel-Buffering: no` keeps nginx from doing so.
 */
export function eventStreamResponse(
  request: Request,
  setup: (sink: EventSink) => StreamSetup,
): Response {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let closed = false;
  let remove: () => void = () => undefined;
  const write = (text: string) => {
    if (closed || !controller) return;
    try {
      controller.enqueue(encoder.encode(text));
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
  function finish() {
    if (closed) return;
    closed = true;
    remove();
    request.signal.removeEventListener('abort', finish);
    stream.onClose?.();
    try {
      controller?.close();
    } catch {
      // already closed by the client
    }
  }
  const live: LiveStream = {
    owner: stream.owner,
    wants: stream.wants,
    handle: stream.handle,
    reset: stream.reset,
    heartbeat: () => sink.comment('ping'),
    end: finish,
  };
  // Throws 429/503 before any response starts: the client gets the JSON envelope.
  remove = addStream(live);
  const body = new ReadableStream<Uint8Array>({
    start(started) {
      controller = started;
      write(`retry: ${RETRY_MS}\n: connected\n\n`);
      stream.start();
    },
    cancel: finish,
  });
  request.signal.addEventListener('abort', finish);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
