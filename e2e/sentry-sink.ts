import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

/**
 * A local stand-in for Sentry's ingest endpoint: the apps (server and browser) run the
 * real SDK with a DSN pointing here, and each envelope lands as a file in `directory`.
 */
export async function startSentrySink(
  directory: string,
  port: number,
): Promise<{ dsn: string; close(): Promise<void> }> {
  mkdirSync(directory, { recursive: true });
  let count = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST') {
        count += 1;
        writeFileSync(
          path.join(directory, `${Date.now()}-${count}.envelope`),
          Buffer.concat(chunks),
        );
      }
      response
        .writeHead(200, {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
          'access-control-allow-headers': '*',
        })
        .end('{}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    dsn: `http://e2epublickey@127.0.0.1:${port}/1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
