import { Presets, SingleBar } from 'cli-progress';
import type { SealProgress } from '../src/privacy/seal-pass';

let bar: { table: string; bar: SingleBar } | undefined;

/** A bar per table on stderr (cli-progress, as the seed's), ended when the table is done. */
export function progressBar({ table, done, total }: SealProgress): void {
  if (bar?.table !== table) {
    bar?.bar.stop();
    const next = new SingleBar(
      {
        format: `${table.padEnd(20)} [{bar}] {percentage}% | {value}/{total} rows`,
        noTTYOutput: true,
      },
      Presets.shades_classic,
    );
    next.start(total, 0);
    bar = { table, bar: next };
  }
  bar.bar.update(done);
  if (done >= total) {
    bar.bar.stop();
    bar = undefined;
  }
}
