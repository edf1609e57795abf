import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { expect, test } from '@playwright/test';
import { ADMIN_PORT, CUSTOMER_PORT } from '../ports';

/**
 * Sends one request on an open connection and resolves with the whole answer (head and
 * body, chunked or sized); rejects if the server has closed the connection or closes it.
 */
function exchange(socket: Socket, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.readyState !== 'open') {
      reject(new Error('the server closed the connection'));
      return;
    }
    let received = '';
    const done = () => {
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onClose);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const headEnd = received.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = received.slice(0, headEnd);
      const body = received.slice(headEnd + 4);
      const length = /^content-length: *(\d+)\r?$/im.exec(head);
      const complete = length
        ? body.length >= Number(length[1])
        : /^transfer-encoding: *chunked\r?$/im.test(head) && body.endsWith('0\r\n\r\n');
      if (complete) {
        done();
        resolve(received);
      }
    };
    const onClose = () => {
      done();
      reject(new Error('the server closed the connection'));
    };
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.on('error', onClose);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`);
  });
}

// A load balancer keeps idle connections to its instances open (60 s is a common default)
// and reuses them. Node closes an idle one after 5 s by default, so a request the balancer
// sends on it just then fails (a 502, or ECONNRESET in a client). The apps' start command
// keeps idle connections for 65 s, longer than the balancer's.
for (const [app, port] of [
  ['customer', CUSTOMER_PORT],
  ['admin', ADMIN_PORT],
] as const) {
  test(`${app}: an idle keep-alive connection outlives Node's 5 s default`, async () => {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    try {
      const first = await exchange(socket, '/api/health/live');
      expect(first).toMatch(/^HTTP\/1\.1 200 /);
      expect(first).toMatch(/^keep-alive: timeout=65\r?$/im);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await exchange(socket, '/api/health/live');
      expect(second).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      socket.destroy();
    }
  });
}
