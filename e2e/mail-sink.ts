import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startSmtpSink } from '@hibachi/core/test/smtp-sink';

/**
 * The e2e run's mail server: the apps send through SMTP_URL as in production, and each
 * message lands as a `.eml` file in `directory` for the tests to read.
 */
export async function startMailSink(directory: string) {
  mkdirSync(directory, { recursive: true });
  let count = 0;
  return startSmtpSink(({ raw }) => {
    count += 1;
    writeFileSync(path.join(directory, `${Date.now()}-${count}.eml`), raw);
    return undefined;
  });
}
