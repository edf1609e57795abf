// Imported first by run-e2e.ts: before any module reads the environment, the seed, the builds,
// Playwright and its workers (the specs that read the database) get the run's data keys.
import { E2E_DATA_KEYS } from './data-keys';

Object.assign(process.env, E2E_DATA_KEYS);
