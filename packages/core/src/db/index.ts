export { getDb, disconnectDb, type DbClient } from './client';
export { migrate, MigrationError, type MigrationResult } from './migrate';
export { checkDatabase } from './check-database';
export { findRepoRoot, migrationsDirectory } from './paths';
