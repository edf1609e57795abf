import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  test as base,
  expect,
  type APIRequestContext,
  type APIResponse,
  type BrowserContext,
} from '@playwright/test';
import pg from 'pg';

/** A documentation-range address per test, so per-IP rate limits never collide between tests. */
export function addressFor(seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  return `198.${18 + (digest[0]! % 2)}.${digest[1]}.${1 + (digest[2]! % 250)}`;
}

export const test = base.extend<{ clientAddress: string }>({
  context: async ({ context }, use) => {
    await followRunnerClock(context);
    await use(context);
  },
  // Playwright reads fixture dependencies from the destructuring pattern; this fixture has none.
  // eslint-disable-next-line no-empty-pattern
  clientAddress: async ({}, use, testInfo) => {
    await use(addressFor(`${testInfo.testId}:${testInfo.retry}:${testInfo.repeatEachIndex}`));
  },
  extraHTTPHeaders: async ({ clientAddress }, use) => {
    await use({ 'X-Forwarded-For': clientAddress });
  },
});

export { expect };

/**
 * In a shifted-clock run the browser cannot run under libfaketime (see playwright.config):
 * its pages get the runner's moved clock instead, so browser and servers agree on the day.
 * The `context` fixture does it; a test that opens a context of its own calls it too.
 */
export async function followRunnerClock(context: BrowserContext): Promise<void> {
  if (process.env.SHIFTED_CLOCK === '1') await context.clock.install({ time: Date.now() });
}

let counter = 0;

/** A unique customer per call (the one-booking-per-date rule is per customer). */
export function uniqueCustomer(label = 'guest') {
  counter += 1;
  const id = `${label}.${Date.now().toString(36)}.${process.pid}.${counter}`;
  return { name: 'Pat Example', email: `${id}@example.com`, phone: '+1 555 010 3000' };
}

/** A postcode each seeded station serves (London by zone, Seattle within its free radius). */
export const SERVED_POSTCODE: Record<string, string> = {
  london: 'SW1A 2AA',
  seattle: '98101',
};

export function bookingBody(overrides: Record<string, unknown>) {
  const station = typeof overrides.station === 'string' ? overrides.station : '';
  return {
    durationMinutes: 120,
    adults: 6,
    children: 0,
    customer: uniqueCustomer(),
    address: {
      line1: '12 Test Lane',
      city: 'Testville',
      postalCode: SERVED_POSTCODE[station] ?? '80202',
    },
    ...overrides,
  };
}

/** YYYY-MM-DD `days` from today in a zone. */
export function dateIn(timeZone: string, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

type Slot = { time: string; available: number };

export async function availability(
  request: APIRequestContext,
  station: string,
  date: string,
): Promise<Slot[]> {
  const response = await request.get(
    `/api/availability?station=${station}&date=${date}&duration=120`,
    { headers: { 'X-Forwarded-For': addressFor(`avail:${Math.random()}`) } },
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { data: { slots: Slot[] } }).data.slots;
}

export type OpenSlot = { date: string; time: string };

/**
 * The first start time, `fromDays` or more days ahead, with at least `free` chefs free.
 * Seeded bookings are placed relative to today, so a fixed date and time is not reliably open.
 */
export async function openSlot(
  request: APIRequestContext,
  station: string,
  timeZone: string,
  fromDays: number,
  free = 1,
): Promise<OpenSlot> {
  for (let day = fromDays; day < fromDays + 10; day += 1) {
    const date = dateIn(timeZone, day);
    const slot = (await availability(request, station, date)).find(
      (candidate) => candidate.available >= free,
    );
    if (slot) return { date, time: slot.time };
  }
  throw new Error(`No time with ${free} free chefs in ${station} from day ${fromDays}`);
}

/** Creates a held booking at the first open time, `fromDays` or more days ahead. */
export async function bookOpenSlot(
  request: APIRequestContext,
  station: string,
  timeZone: string,
  fromDays: number,
  overrides: Record<string, unknown> = {},
): Promise<{ body: ReturnType<typeof bookingBody>; response: APIResponse }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const slot = await openSlot(request, station, timeZone, fromDays);
    const body = bookingBody({ station, ...slot, ...overrides });
    const response = await request.post('/api/bookings', { data: body });
    // Another test may take the time between reading availability and booking it.
    if (response.status() !== 409) return { body, response };
  }
  throw new Error(`Could not book an open time in ${station}`);
}

/** "13:30" → "1:30 PM", as the wizard labels start times. */
export function timeLabel(time: string): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return `${((hours + 11) % 12) + 1}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
}

/**
 * A start time with exactly `left` chefs free, `fromDays` or more days ahead: the first with
 * at least that many, filled through the API (from fresh addresses) down to `left`. Tests run
 * in parallel on shared stations, so another may take a chef in between: then the next
 * time is tried.
 */
export async function slotWithFreeChefs(
  request: APIRequestContext,
  station: string,
  timeZone: string,
  fromDays: number,
  left: number,
): Promise<OpenSlot> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const slot = await openSlot(request, station, timeZone, fromDays, left);
    if (await fillSlotUntil(request, station, slot.date, slot.time, left)) return slot;
  }
  throw new Error(`Could not keep ${left} chefs free at one time in ${station}`);
}

/** Books until the slot has exactly `left` chefs free; false when it already has fewer. */
async function fillSlotUntil(
  request: APIRequestContext,
  station: string,
  date: string,
  time: string,
  left: number,
): Promise<boolean> {
  for (let guard = 0; guard < 10; guard += 1) {
    const slot = (await availability(request, station, date)).find(
      (candidate) => candidate.time === time,
    );
    if (!slot) throw new Error(`No slot ${time} on ${date}`);
    if (slot.available === left) return true;
    if (slot.available < left) return false;
    const response = await request.post('/api/bookings', {
      data: bookingBody({ station, date, time }),
      headers: { 'X-Forwarded-For': addressFor(`fill:${Math.random()}`) },
    });
    // Another test may take the last chef above `left` first: read again.
    if (response.status() === 409) continue;
    expect(response.status(), await response.text()).toBe(201);
  }
  throw new Error('could not fill the slot');
}

/** A pg client on the e2e database, for assertions a user cannot see (no overlaps). */
export async function database(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  return client;
}

export type ReceivedMail = { subject: string; messageId: string; text: string };

/**
 * The contents of the files a run's sink (mail or Sentry) wrote to the folder named by
 * `variable`, once `enough` of them pass `keep`; polls, since delivery is asynchronous.
 */
async function sinkFiles(
  variable: 'E2E_MAIL_DIR' | 'E2E_SENTRY_DIR',
  keep: (contents: string) => boolean,
  enough: number,
  description: string,
): Promise<string[]> {
  const directory = process.env[variable];
  if (!directory) throw new Error(`${variable} is not set: run through \`pnpm test:e2e\`.`);
  let found: string[] = [];
  await expect
    .poll(
      () => {
        found = readdirSync(directory)
          .sort()
          .map((file) => readFileSync(path.join(directory, file), 'utf8'))
          .filter(keep);
        return found.length;
      },
      { timeout: 20_000, message: description },
    )
    .toBeGreaterThanOrEqual(enough);
  return found;
}

/** The e-mails the apps sent over SMTP to `address`, once `count` have arrived (decoded). */
export async function mailTo(address: string, count = 1): Promise<ReceivedMail[]> {
  const to = new RegExp(`^To: ${escape(address)}\r?$`, 'im');
  return (
    await sinkFiles('E2E_MAIL_DIR', (raw) => to.test(raw), count, `e-mail to ${address}`)
  ).map(parseMail);
}

/**
 * The e-mail to `address` whose subject contains `subject`, once it has arrived. (Counting
 * e-mails races: a "pay the deposit" e-mail still queued when the deposit lands is skipped.)
 */
export async function mailAbout(address: string, subject: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailTo(address)).find((mail) => mail.subject.includes(subject));
        return found !== undefined;
      },
      { timeout: 20_000, message: `e-mail "${subject}" to ${address}` },
    )
    .toBe(true);
  return found!;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function parseMail(raw: string): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const text = raw
    .slice(split + 4)
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, '\n');
  return { subject: header('Subject'), messageId: header('Message-ID'), text };
}

/** Sentry envelopes the apps sent to the run's local sink that contain (or match) `text`. */
export async function sentryEnvelopes(text: string | RegExp): Promise<string[]> {
  return sinkFiles(
    'E2E_SENTRY_DIR',
    (envelope) => (typeof text === 'string' ? envelope.includes(text) : text.test(envelope)),
    1,
    `a Sentry envelope containing ${String(text)}`,
  );
}

/** The instant a local date and time is in a zone (the hour around a DST change aside). */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(guess));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value;
  const shown = Date.parse(
    `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:00Z`,
  );
  return guess - (shown - guess);
}

/**
 * An open start time between `minHours` and `maxHours` from now (station-local days 1–4 ahead),
 * for tests about what happens inside a notice or a lock.
 */
export async function slotHoursAhead(
  request: APIRequestContext,
  station: string,
  timeZone: string,
  minHours: number,
  maxHours: number,
): Promise<OpenSlot> {
  const now = Date.now();
  for (let days = 1; days <= 4; days += 1) {
    const date = dateIn(timeZone, days);
    for (const candidate of await availability(request, station, date)) {
      const hours = (zonedInstant(date, candidate.time, timeZone) - now) / 3_600_000;
      if (candidate.available > 0 && hours > minHours && hours < maxHours)
        return { date, time: candidate.time };
    }
  }
  throw new Error(`No open ${station} time ${minHours}-${maxHours} hours ahead`);
}

/** The text/calendar part of an e-mail body as the sink decoded it (quoted-printable or base64). */
export function calendarPart(text: string): string {
  const start = text.search(/Content-Type: text\/calendar/i);
  expect(start, 'a text/calendar part').toBeGreaterThan(-1);
  const part = text.slice(start);
  const body = part
    .slice(part.search(/\n\s*\n/))
    .trim()
    .split(/\n--/)[0]!;
  return /Content-Transfer-Encoding: base64/i.test(part.slice(0, 300))
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : body;
}

/**
 * A booking held through the API whose start is `minHours`–`maxHours` from now, for tests
 * about what happens inside a notice or a lock: its body, reference, manage link and token.
 */
export async function bookHoursAhead(
  request: APIRequestContext,
  station: string,
  timeZone: string,
  minHours: number,
  maxHours: number,
) {
  const slot = await slotHoursAhead(request, station, timeZone, minHours, maxHours);
  const body = bookingBody({ station, ...slot });
  const created = await request.post('/api/bookings', { data: body });
  expect(created.status(), await created.text()).toBe(201);
  const { reference, manageUrl } = (
    (await created.json()) as { data: { reference: string; manageUrl: string } }
  ).data;
  return {
    body,
    reference,
    manageUrl,
    token: new URL(manageUrl, 'http://x').searchParams.get('token')!,
  };
}
