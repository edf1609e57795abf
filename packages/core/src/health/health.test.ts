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
});
