import { describe, expect, it } from 'vitest';
import { liveHealthHandler, readyHealthHandler } from '.';

type Body = { data: Record<string, unknown> };

describe('health handlers', () => {
  it('live answers without touching dependencies', async () => {
    const response = await liveHealthHandler(new Request('http://localhost/api/health/live'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as Body).data.status).toBe('ok');
  });

  it('ready checks the database', async () => {
    const response = await readyHealthHandler(new Request('http://localhost/api/health/ready'));
    expect(response.status).toBe(200);
    expect(((await response.json()) as Body).data).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('ready answers 503 at once while the server drains, and live still answers', async () => {
    const server = globalThis as unknown as { hibachiServer?: { draining: boolean } };
    server.hibachiServer = { draining: true };
    try {
      const response = await readyHealthHandler(new Request('http://localhost/api/health/ready'));
      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toBe('1');
      expect(await response.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
      const live = await liveHealthHandler(new Request('http://localhost/api/health/live'));
      expect(live.status).toBe(200);
    } finally {
      server.hibachiServer = undefined;
    }
  });
});
