// Where a booking's time went during the booking case: each instance's /api/metrics read
// before and after the timed run, the difference of the histograms the app keeps of a booking
// write's steps (hibachi_booking_write_seconds), of the rate-limit check, and of the route's
// whole answer. Mean and an estimated p95 (from the buckets) per step; and the CPU time each
// instance spent per answer (process_cpu_seconds_total), which a busy shared host disturbs
// less than latencies.

type Histogram = { buckets: Map<number, number>; sum: number; count: number };
type Scrape = Map<string, Histogram>;

/** The `name{label="value"}` histograms of a Prometheus text, keyed by `name value`. */
function histograms(text: string, name: string, label: string): Scrape {
  const found: Scrape = new Map();
  const line = new RegExp(`^${name}_(bucket|sum|count)\\{([^}]*)\\} ([0-9.e+-]+|\\+Inf)$`);
  for (const row of text.split('\n')) {
    const match = line.exec(row);
    if (!match) continue;
    const [, kind, labels = '', value = '0'] = match;
    const key = new RegExp(`${label}="([^"]*)"`).exec(labels)?.[1];
    if (key === undefined) continue;
    const entry = found.get(key) ?? { buckets: new Map(), sum: 0, count: 0 };
    found.set(key, entry);
    if (kind === 'sum') entry.sum = Number(value);
    else if (kind === 'count') entry.count = Number(value);
    else {
      const le = /le="([^"]*)"/.exec(labels)?.[1] ?? '+Inf';
      entry.buckets.set(le === '+Inf' ? Infinity : Number(le), Number(value));
    }
  }
  return found;
}

type Scraped = { histograms: Map<string, Histogram>; cpuSeconds: number };

async function scrape(url: string): Promise<Scraped> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const cpuSeconds = Number(/^process_cpu_seconds_total ([0-9.e+-]+)$/m.exec(text)?.[1] ?? NaN);
  const found = new Map([
    ...[...histograms(text, 'hibachi_booking_write_seconds', 'step')].map(
      ([step, value]) => [`write: ${step}`, value] as const,
    ),
    ...[...histograms(text, 'hibachi_rate_limit_seconds', 'category')]
      .filter(([category]) => category === 'bookingCreate')
      .map(([, value]) => ['rate limit (shared store)', value] as const),
    ...[...histograms(text, 'http_request_duration_seconds', 'route')]
      .filter(([route]) => route === '/api/bookings')
      .map(([, value]) => ['whole answer (route wrapper)', value] as const),
  ]);
  return { histograms: found, cpuSeconds };
}

/** The upper bound of the bucket holding the q-th share of observations. */
function quantile(histogram: Histogram, q: number): number {
  const target = histogram.count * q;
  for (const [le, count] of [...histogram.buckets].sort((a, b) => a[0] - b[0]))
    if (count >= target) return le;
  return Infinity;
}

export type StepsProbe = { report: () => Promise<string[]> };

/** Reads the instances' metrics now; `report` reads them again and describes the difference. */
export async function probeWriteSteps(urls: string[]): Promise<StepsProbe> {
  const before = await Promise.all(urls.map(scrape));
  return {
    report: async () => {
      const after = await Promise.all(urls.map(scrape));
      const merged = new Map<string, Histogram>();
      const cpu: string[] = [];
      after.forEach((scraped, index) => {
        const answers =
          (scraped.histograms.get('whole answer (route wrapper)')?.count ?? 0) -
          (before[index]?.histograms.get('whole answer (route wrapper)')?.count ?? 0);
        const seconds = scraped.cpuSeconds - (before[index]?.cpuSeconds ?? NaN);
        cpu.push(`${((seconds * 1000) / answers).toFixed(2)} ms`);
        for (const [key, now] of scraped.histograms) {
          const then = before[index]?.histograms.get(key);
          const entry = merged.get(key) ?? { buckets: new Map(), sum: 0, count: 0 };
          entry.sum += now.sum - (then?.sum ?? 0);
          entry.count += now.count - (then?.count ?? 0);
          for (const [le, count] of now.buckets)
            entry.buckets.set(
              le,
              (entry.buckets.get(le) ?? 0) + count - (then?.buckets.get(le) ?? 0),
            );
          merged.set(key, entry);
        }
      });
      const ms = (seconds: number) =>
        Number.isFinite(seconds) ? `${(seconds * 1000).toFixed(2)} ms` : '> 1 s';
      return [
        `app CPU per answer, each instance: ${cpu.join(', ')}`,
        'booking write, in the app (both instances, the timed run): mean, and p95 as a bucket bound',
        ...[...merged]
          .filter(([, histogram]) => histogram.count > 0)
          .map(
            ([key, histogram]) =>
              `  ${key.padEnd(30)} n=${String(histogram.count).padStart(5)}  mean ${ms(histogram.sum / histogram.count).padStart(9)}  p95 ≤ ${ms(quantile(histogram, 0.95))}`,
          ),
      ];
    },
  };
}
