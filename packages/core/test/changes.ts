import type pg from 'pg';
import { changesListening, startChangeListener } from '../src/db/change-listener';
import { eventually } from './eventually';

/** Starts this process's change listener and waits until it listens (the read caches cache only then). */
export async function startListening(): Promise<void> {
  startChangeListener();
  await eventually(async () => changesListening());
}

/** Runs `sql` with triggers off for this session: a change nobody is told about. */
export async function quietly(
  client: pg.Client,
  sql: string,
  params: unknown[] = [],
): Promise<void> {
  await client.query(`SET session_replication_role = replica`);
  await client.query(sql, params);
  await client.query(`SET session_replication_role = DEFAULT`);
}
