// `pnpm mail:outbox [--limit N]`: the newest outbox e-mails, rendered as they would be sent,
// for development without an SMTP server. Refuses NODE_ENV=production.
import { parseArgs } from 'node:util';
import { createLogger } from '../src/logger';
import { openLocalDatabase } from './local-database';

const logger = createLogger();
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { limit: { type: 'string', default: '5' } },
});
const database = await openLocalDatabase(logger);
process.env.DATABASE_URL = database.url;
try {
  const { previewOutbox } = await import('../src/notifications/preview-outbox');
  const { disconnectDb } = await import('../src/db/client');
  const emails = await previewOutbox({
    limit: Number(values.limit) || 5,
    nodeEnv: process.env.NODE_ENV,
  });
  if (emails.length === 0) process.stdout.write('The outbox is empty: book something first.\n');
  for (const email of emails) {
    process.stdout.write(
      [
        '─'.repeat(72),
        `To:      ${email.to}`,
        `Subject: ${email.subject}`,
        `Queued:  ${email.createdAt.toISOString()}   Status: ${email.status}`,
        '',
        email.text,
        '',
      ].join('\n'),
    );
  }
  await disconnectDb();
} catch (error) {
  logger.fatal(
    { error: error instanceof Error ? error.message : String(error) },
    'outbox preview failed',
  );
  process.exitCode = 1;
} finally {
  await database.close();
}
