import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type SinkMessage = { to: string[]; raw: string };

/**
 * A real SMTP server on a free local port, for tests: each message is handed to
 * `onMessage`, which may refuse it by returning an error carrying an SMTP `responseCode`
 * (or take its time, by returning a promise).
 */
export async function startSmtpSink(
  onMessage: (message: SinkMessage) => Error | undefined | Promise<Error | undefined>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = {
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        void Promise.resolve(onMessage(message)).then((refusal) => callback(refusal ?? null));
      });
    },
  });
  // A sender's connection reset (an app stopped mid-delivery at the end of a run) is the
  // sender's problem, not the sink's: without a listener it would crash the test runner.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
