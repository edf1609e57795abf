/**
 * A server-sent event stream that survives network losses and server restarts: on any error
 * the EventSource is closed and opened again after a jittered, doubling wait (1 s … 30 s),
 * at once when the browser comes back online. `url()` is asked on every connection, so a
 * widget resumes from the last message it has (`?after=N`).
 */
export type LiveStatus = 'connecting' | 'open' | 'offline';

export function openLiveEvents(options: {
  url: () => string;
  on: Record<string, (data: unknown, id: string) => void>;
  onStatus?: (status: LiveStatus) => void;
  /** Called on every (re)connection: whatever was missed can be fetched again. */
  onOpen?: (reconnected: boolean) => void;
}): () => void {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let opened = false;
  let stopped = false;

  const connect = () => {
    if (stopped) return;
    clearTimeout(timer);
    source?.close();
    options.onStatus?.('connecting');
    const current = new EventSource(options.url());
    source = current;
    current.onopen = () => {
      failures = 0;
      options.onStatus?.('open');
      options.onOpen?.(opened);
      opened = true;
    };
    current.onerror = () => {
      if (source !== current) return;
      current.close();
      failures += 1;
      options.onStatus?.(navigator.onLine ? 'connecting' : 'offline');
      const wait = Math.min(30_000, 1_000 * 2 ** (failures - 1));
      timer = setTimeout(connect, wait / 2 + Math.random() * (wait / 2));
    };
    for (const [event, handler] of Object.entries(options.on))
      current.addEventListener(event, (message) => {
        const { data, lastEventId } = message as MessageEvent<string>;
        handler(JSON.parse(data) as unknown, lastEventId);
      });
  };
  const online = () => connect();
  const offline = () => options.onStatus?.('offline');
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
