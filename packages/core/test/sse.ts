/** A server-sent event as a client reads it. */
export type ReadEvent = { id?: string; event: string; data: unknown };

/** Reads a `text/event-stream` response as it arrives; `next(n)` waits for n more events. */
export function readEvents(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: ReadEvent[] = [];
  let buffer = '';
  let done = false;
  const pump = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          frame
            .split('\n')
            .filter((line) => line && !line.startsWith(':'))
            .map((line) => [
              line.slice(0, line.indexOf(':')),
              line.slice(line.indexOf(':') + 1).trim(),
            ]),
        ) as Record<string, string>;
        if (fields.event)
          events.push({
            id: fields.id,
            event: fields.event,
            data: JSON.parse(fields.data ?? 'null'),
          });
      }
    }
    done = true;
  })();
  return {
    events,
    /** Waits until `predicate` holds for the events read so far (3 s). */
    async until(predicate: (events: ReadEvent[]) => boolean, ms = 3_000): Promise<ReadEvent[]> {
      const deadline = Date.now() + ms;
      while (!predicate(events)) {
        if (Date.now() > deadline || done)
          throw new Error(`stream: condition not reached; read ${JSON.stringify(events)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return events;
    },
    get ended() {
      return done;
    },
    finished: pump,
  };
}
