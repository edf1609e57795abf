// `pnpm data:rotate-key`: seals every customer value under the current DATA_ENCRYPTION_KEYS key
// (and any plain value left from before encryption), in batches, while the apps keep serving.
// Resumable: run it again after a stop. Then the older key can leave DATA_ENCRYPTION_KEYS.
import { currentKeyId } from '../src/crypto/field-crypto';
import { sealPendingValues, type SealProgress } from '../src/privacy/seal-pass';
import { createLogger } from '../src/logger';
import { openLocalDatabase } from './local-database';
import { progressBar } from './progress-bar';

const logger = createLogger();
const database = await openLocalDatabase(logger);
try {
  process.stderr.write(`Sealing customer data under key ${currentKeyId()}\n`);
  const result = await sealPendingValues({
    databaseUrl: database.url,
    onProgress: (progress: SealProgress) => progressBar(progress),
  });
  logger.info(result, 'every customer value is under the current key');
} catch (error) {
  logger.fatal(
    { error: error instanceof Error ? error.message : String(error) },
    'rotation stopped',
  );
  process.exitCode = 1;
} finally {
  await database.close();
}
