// `pnpm bench:lighthouse`: Lighthouse (mobile emulation, simulated throttling: its defaults)
// on the production customer app's landing page, a station page, the booking wizard and the
// manage page, three runs each in Debian's chromium. Prints the median of each category and of
// LCP / TBT / CLS, writes results/lighthouse.json, exits 1 below the targets of issue 31.
//
//   pnpm bench:lighthouse [--build] [--runs 3]
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { withSeededDatabase } from '../../packages/core/bench/harness';
import { CUSTOMER, customerEnv, ensureBuilt, startServer, stopServer } from './servers';

const PAGES = ['/', '/locations/seattle', '/book/seattle', '/manage'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
/** The lowest score (0-100) each category may have, judged on the median of the runs. */
const TARGETS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const runs = Number(argument('runs') ?? 3);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

type Run = Record<Category, number> & {
  lcpMs: number;
  tbtMs: number;
  cls: number;
  failing: string[];
};

async function audit(url: string, port: number): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (category: Category) => Math.round((categories[category]?.score ?? 0) * 100);
  // What kept a category below 100: its scored audits that did not pass.
  const failing = CATEGORIES.flatMap((category) =>
    (categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 0.9)
      .map(
        (ref) =>
          `${category}: ${ref.id} (${audits[ref.id]?.displayValue ?? audits[ref.id]?.score})`,
      ),
  );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    lcpMs: audits['largest-contentful-paint']?.numericValue ?? 0,
    tbtMs: audits['total-blocking-time']?.numericValue ?? 0,
    cls: audits['cumulative-layout-shift']?.numericValue ?? 0,
    failing,
  };
}

ensureBuilt(process.argv.includes('--build'));
const results: (Record<Category, number> & {
  page: string;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  runs: Run[];
})[] = [];
await withSeededDatabase(1, async () => {
  const customer = await startServer(CUSTOMER, customerEnv(process.env.DATABASE_URL!));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  try {
    // One unmeasured visit per page: the server's first render of a route compiles nothing,
    // but fills its caches (stations, menus) as a running site's would be.
    for (const page of PAGES) await fetch(`${customer.url}${page}`);
    for (const page of PAGES) {
      const pageRuns: Run[] = [];
      for (let run = 0; run < runs; run += 1)
        pageRuns.push(await audit(`${customer.url}${page}`, chrome.port));
      const row = {
        page,
        performance: median(pageRuns.map((run) => run.performance)),
        accessibility: median(pageRuns.map((run) => run.accessibility)),
        'best-practices': median(pageRuns.map((run) => run['best-practices'])),
        seo: median(pageRuns.map((run) => run.seo)),
        lcpMs: median(pageRuns.map((run) => run.lcpMs)),
        tbtMs: median(pageRuns.map((run) => run.tbtMs)),
        cls: median(pageRuns.map((run) => run.cls)),
        runs: pageRuns,
      };
      results.push(row);
      console.log(
        `${page.padEnd(20)} perf ${pageRuns.map((run) => run.performance).join('/')}  a11y ${row.accessibility}  bp ${row['best-practices']}  seo ${row.seo}  LCP ${(row.lcpMs / 1000).toFixed(2)} s  TBT ${Math.round(row.tbtMs)} ms  CLS ${row.cls.toFixed(3)}`,
      );
      for (const failing of new Set(pageRuns.flatMap((run) => run.failing)))
        console.log(`${''.padEnd(20)} below: ${failing}`);
    }
  } finally {
    await chrome.kill();
    stopServer(customer);
  }
});

const misses = results.flatMap((row) =>
  CATEGORIES.filter((category) => row[category] < TARGETS[category]).map(
    (category) => `${row.page} ${category} ${row[category]} < ${TARGETS[category]}`,
  ),
);
const resultsDir = path.join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, 'lighthouse.json'),
  `${JSON.stringify({ at: new Date().toISOString(), runsPerPage: runs, targets: TARGETS, results }, null, 2)}\n`,
);
if (misses.length > 0) {
  console.log(`\nBELOW TARGET (median of ${runs} runs):\n${misses.join('\n')}`);
  process.exit(1);
}
console.log(`\nevery page meets its targets (median of ${runs} runs)`);
process.exit(0);
