// Where a run's CPU went on this machine: PostgreSQL (the postmaster and every process under
// it, read from /proc) and this load generator, per answer. With the app's own figure
// (process_cpu_seconds_total, write-steps.ts) it says what each booking costs the host, a
// figure a busy shared host disturbs less than latencies. Linux only.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';

const TICKS_PER_SECOND = 100;

/** utime + stime and the parent of a process, or undefined once it is gone. */
function stat(pid: number): { cpuSeconds: number; parent: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      parent: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds of the postmaster and all its processes (backends that ended meanwhile are lost). */
function postgresCpuSeconds(postmaster: number): number {
  let total = stat(postmaster)?.cpuSeconds ?? 0;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const process = stat(pid);
    if (process?.parent === postmaster) total += process.cpuSeconds;
  }
  return total;
}

export type CpuBudget = { report: (answers: number) => string };

/** Starts counting; `report` divides what PostgreSQL and this process used by the answers. */
export async function countCpu(databaseUrl: string): Promise<CpuBudget> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  await client.end();
  const postmaster = stat(rows[0]?.pid ?? 0)?.parent ?? 0;
  const started = { postgres: postgresCpuSeconds(postmaster), self: process.cpuUsage() };
  return {
    report: (answers) => {
      const postgres = postgresCpuSeconds(postmaster) - started.postgres;
      const self = process.cpuUsage(started.self);
      const ms = (seconds: number) => `${((seconds * 1000) / answers).toFixed(2)} ms`;
      return `host CPU per answer (${os.cpus().length} cores): PostgreSQL ${ms(postgres)}, load generator ${ms((self.user + self.system) / 1e6)}`;
    },
  };
}
