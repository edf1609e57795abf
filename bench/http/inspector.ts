// A server's memory as the benchmarks read it: through the V8 inspector the server was started
// with (`--inspect=127.0.0.1:PORT`), so the server runs its production code unchanged. Each
// reading forces a full garbage collection first: memory measured without one counts whatever
// garbage the young generation holds at that moment (megabytes, more than 100 streams cost).
import { writeFileSync } from 'node:fs';

export type MemoryReading = {
  /** Resident set of the process, KiB. */
  rssKiB: number;
  /** Live objects on V8's heap, KiB. */
  heapUsedKiB: number;
  /** What V8 has reserved for its heap (live objects, the young generation, free pages), KiB. */
  heapTotalKiB: number;
  /** Memory outside the heap that JavaScript objects hold (buffers, native handles), KiB. */
  externalKiB: number;
};

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** A Chrome DevTools Protocol session on a Node.js process's inspector. */
export class Inspector {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private chunks: string[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (message: MessageEvent) => {
      const data = JSON.parse(String(message.data)) as {
        id?: number;
        method?: string;
        params?: { chunk?: string };
        result?: unknown;
        error?: { message: string };
      };
      if (data.method === 'HeapProfiler.addHeapSnapshotChunk')
        this.chunks.push(data.params?.chunk ?? '');
      if (data.id === undefined) return;
      const waiting = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.error) waiting?.reject(new Error(data.error.message));
      else waiting?.resolve(data.result);
    });
  }

  /** Attaches to the inspector listening on `port` (127.0.0.1). */
  static async attach(port: number): Promise<Inspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error(`no inspector target on port ${port}`);
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('inspector unreachable')), {
        once: true,
      });
    });
    return new Inspector(socket);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    this.nextId += 1;
    const id = this.nextId;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Full garbage collections until the heap stops shrinking, then the process's memory. */
  async memory(): Promise<MemoryReading> {
    let previous = Infinity;
    for (let round = 0; round < 5; round += 1) {
      await this.send('HeapProfiler.collectGarbage');
      const { heapUsedKiB } = await this.read();
      if (heapUsedKiB >= previous - 16) break;
      previous = heapUsedKiB;
    }
    return this.read();
  }

  private async read(): Promise<MemoryReading> {
    const answer = (await this.send('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    const usage = JSON.parse(answer.result.value) as NodeJS.MemoryUsage;
    return {
      rssKiB: usage.rss / 1024,
      heapUsedKiB: usage.heapUsed / 1024,
      heapTotalKiB: usage.heapTotal / 1024,
      externalKiB: usage.external / 1024,
    };
  }

  /** Writes a heap snapshot (open it in Chrome DevTools' Memory tab, or diff two). */
  async heapSnapshot(file: string): Promise<void> {
    this.chunks = [];
    await this.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    writeFileSync(file, this.chunks.join(''));
    this.chunks = [];
  }

  close(): void {
    this.socket.close();
  }
}
