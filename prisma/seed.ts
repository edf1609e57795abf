// `pnpm db:seed [--scale N] [--today YYYY-MM-DD]`: replaces the data with the deterministic demo set.
import { runSeedCommand } from '../packages/core/scripts/seed-command';

await runSeedCommand(process.argv.slice(2));
