import { sealCustomer } from '../crypto/customer-fields';
import { seal, sealOptional } from '../crypto/field-crypto';
import { sealPendingValues } from '../privacy/seal-pass';
import { hash } from '@node-rs/argon2';
import { SingleBar, Presets } from 'cli-progress';
import pg from 'pg';
import type { Logger } from 'pino';
import { isCalendarDate } from '../time';
import { buildDemoData, type DemoData } from './build-demo-data';
import { insertRows } from './insert-rows';
import { DEMO_PASSWORD } from './demo-data';

/**
 * The demo data's shape: bump it when the seed starts writing something new (menus, time off…),
 * or leaves its tables otherwise (5: compact), so a kept benchmark database seeded by an older
 * version is seeded again.
 */
export const SEED_FORMAT = 5;

export type SeedOptions = {
  databaseUrl: string;
  /** Multiplies the volume: 1 → 5,000 bookings; 100 → 500,000. */
  scale?: number;
  /** The day the data is "as of" (YYYY-MM-DD, UTC); defaults to the real today. See seedClock. */
  today?: string;
  nodeEnv?: string;
  logger?: Logger;
  progressBar?: boolean;
};

export type SeedSummary = {
  stations: number;
  chefs: number;
  customers: number;
  bookings: number;
  payments: number;
  staff: number;
  seconds: number;
};

const DOMAIN_TABLES = [
  'ChefTimeOff',
  'ChefWeeklyOff',
  'StationDate',
  'AuditLog',
  'OutboxMessage',
  'IdempotencyKey',
  'ProcessedWebhookEvent',
  'Payment',
  'BookingMenuLine',
  'Booking',
  'MenuItem',
  'TravelZone',
  'StaffUser',
  'Customer',
  'Chef',
  'Station',
];

/**
 * The seed's one clock: every date-dependent choice (event dates, statuses, hold expiries,
 * payment, cancellation and created-at times) is made as of `now`. Seeded "as of" another
 * day, `now` is that day at the current UTC time of day: holds then expire 15 minutes after
 * that instant, so a demo seeded for today shows live held slots, and one seeded for a past
 * day looks exactly as it did then (its holds lapse as soon as the apps' clock passes them).
 */
export function seedClock(today: string | undefined, realNow: Date = new Date()): Date {
  if (today === undefined) return realNow;
  if (!isCalendarDate(today))
    throw new Error(`--today must be a date as YYYY-MM-DD, not "${today}"`);
  return new Date(`${today}T${realNow.toISOString().slice(11)}`);
}

/** Replaces all domain data with the deterministic demo data set. Refuses in production. */
export async function seedDatabase(options: SeedOptions): Promise<SeedSummary> {
  if (options.nodeEnv === 'production') {
    throw new Error('Refusing to seed demo data with NODE_ENV=production.');
  }
  const started = performance.now();
  const scale = options.scale ?? 1;
  const now = seedClock(options.today);
  const data = buildDemoData({ scale, now });
  const passwordHash = await hash(DEMO_PASSWORD);

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const total =
    data.stations.length +
    data.chefs.length +
    data.customers.length +
    data.bookings.length +
    data.payments.length;
  const bar = options.progressBar
    ? new SingleBar(
        { format: 'seeding [{bar}] {percentage}% | {value}/{total} rows' },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(total, 0);
  const onBatch = (count: number) => bar?.increment(count);
  try {
    await client.query('BEGIN');
    await client.query(`TRUNCATE ${DOMAIN_TABLES.map((table) => `"${table}"`).join(', ')} CASCADE`);
    await insertAll(client, data, { passwordHash, now }, onBatch);
    await insertSeason(client, now, passwordHash);
    await insertConversations(client, now);
    await client.query('COMMIT');
    // The demo conversations are written in SQL, one per station: sealed here, by the pass
    // that seals rows from before encryption.
    await sealPendingValues({ databaseUrl: options.databaseUrl });
    await leaveAsProductionWould(client);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    bar?.stop();
    await client.end();
  }
  const summary: SeedSummary = {
    stations: data.stations.length,
    chefs: data.chefs.length,
    customers: data.customers.length,
    bookings: data.bookings.length,
    payments: data.payments.length,
    staff: data.staff.length,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  options.logger?.info(summary, 'demo data seeded');
  return summary;
}

/**
 * The tables as a production database of the same rows has them: compact, vacuumed (the
 * visibility map index-only scans need) and analysed. The seed writes in one transaction, so
 * the rollup triggers' rewrites of the same rows (once per batch) could not be reclaimed as
 * they are between production's transactions: at scale 100 MenuItemDay was 310 MB for
 * 813,000 rows and CustomerStation 169 MB for 338,000, five times their size.
 */
async function leaveAsProductionWould(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(relname) AS name FROM pg_stat_user_tables
      WHERE schemaname = 'public' ORDER BY relname`,
  );
  await client.query(`VACUUM (FULL) ${rows.map((row) => row.name).join(', ')}`);
  // FREEZE makes the pass aggressive: a plain VACUUM passes over a page another process has
  // pinned at that moment (the checkpointer writing out the rewrite, on a busy server) and
  // leaves it not all-visible; an aggressive one waits for the pin. Frozen rows are also what
  // a bulk load should leave: no anti-wraparound vacuum rewrites them later.
  await client.query('VACUUM (FREEZE, ANALYZE)');
  // A session of this database holding an older snapshot keeps rows from counting as visible
  // to all: those tables again once it has gone, for ten seconds at most (the seed test
  // names a table still behind after that).
  for (let pass = 0; pass < 20; pass += 1) {
    const behind = await client.query<{ name: string }>(
      `SELECT quote_ident(c.relname) AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relallvisible < c.relpages`,
    );
    if (behind.rows.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await client.query(`VACUUM (FREEZE) ${behind.rows.map((row) => row.name).join(', ')}`);
  }
}

/**
 * A season for the demo, as of `now`: each station's first chef has a CHEF account, every
 * station is closed on the next Christmas Day, and
 * the first chef of three stations takes three days off in the first free stretch of their
 * calendar two weeks to three months out (time off may not cover their bookings).
 */
async function insertSeason(client: pg.Client, now: Date, passwordHash: string): Promise<void> {
  // Each station's first chef signs in to "My events" (chef@SLUG.demo.hibachi.test).
  await client.query(
    `INSERT INTO "StaffUser" (email, name, "passwordHash", role, "stationId", "chefId", "passwordSetAt", "updatedAt")
     SELECT 'chef@' || s.slug || '.demo.hibachi.test', c.name, $2, 'CHEF', s.id, c.id, $1, $1
       FROM (SELECT DISTINCT ON (c."stationId") c.* FROM "Chef" c WHERE c.active
              ORDER BY c."stationId", c.name) c
       JOIN "Station" s ON s.id = c."stationId"`,
    [now, passwordHash],
  );
  await client.query(
    `INSERT INTO "StationDate" ("stationId", date, closed, note)
     SELECT s.id,
            CASE WHEN make_date(extract(year FROM ($1::timestamptz AT TIME ZONE s.timezone))::int, 12, 25)
                      >= ($1::timestamptz AT TIME ZONE s.timezone)::date
                 THEN make_date(extract(year FROM ($1::timestamptz AT TIME ZONE s.timezone))::int, 12, 25)
                 ELSE make_date(extract(year FROM ($1::timestamptz AT TIME ZONE s.timezone))::int + 1, 12, 25) END,
            true, 'Christmas Day'
       FROM "Station" s`,
    [now],
  );
  await client.query(
    `INSERT INTO "ChefTimeOff" ("stationId", "chefId", "startsAt", "endsAt", "allDay", note, "updatedAt")
     SELECT pick."stationId", pick.id, span.starts, span.ends, true, 'Holiday', $1
       FROM (SELECT DISTINCT ON (c."stationId") c.id, c."stationId", s.timezone, s.slug
               FROM "Chef" c JOIN "Station" s ON s.id = c."stationId"
              WHERE c.active ORDER BY c."stationId", c.name) pick
       CROSS JOIN LATERAL (
         SELECT (d::date)::timestamp AT TIME ZONE pick.timezone AS starts,
                (d::date + 3)::timestamp AT TIME ZONE pick.timezone AS ends
           FROM generate_series(($1::timestamptz AT TIME ZONE pick.timezone)::date + 14,
                                ($1::timestamptz AT TIME ZONE pick.timezone)::date + 90, interval '1 day') d
          WHERE NOT EXISTS (
            SELECT 1 FROM "Booking" b
             WHERE b."chefId" = pick.id AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
               AND tstzrange(b."startsAt", b."blockedUntil", '[)')
                   && tstzrange((d::date)::timestamp AT TIME ZONE pick.timezone,
                                (d::date + 3)::timestamp AT TIME ZONE pick.timezone, '[)'))
          ORDER BY d LIMIT 1) span
      WHERE pick.slug IN (SELECT slug FROM "Station" ORDER BY slug LIMIT 3)`,
    [now],
  );
}

/**
 * Two conversations per station for the inbox demo: one answered by the station's staff
 * account, one waiting (unread) with a question a caterer hears every week.
 */
async function insertConversations(client: pg.Client, now: Date): Promise<void> {
  await client.query(
    `WITH answered AS (
       INSERT INTO "Conversation" ("stationId", "customerName", "customerEmail", "lastSeq",
              "lastCustomerSeq", "staffReadSeq", "customerReadSeq", "assistantActive",
              "lastMessageAt", "createdAt", "updatedAt")
       SELECT s.id, 'Jamie Rivera', 'jamie.rivera@example.com', 2, 1, 2, 2, false,
              $1::timestamptz - interval '2 hours', $1::timestamptz - interval '3 hours', $1
         FROM "Station" s
       RETURNING id, "stationId"
     ), waiting AS (
       INSERT INTO "Conversation" ("stationId", "customerName", "customerEmail", "lastSeq",
              "lastCustomerSeq", "lastMessageAt", "createdAt", "updatedAt")
       SELECT s.id, 'Sam Okafor', 'sam.okafor@example.com', 1, 1,
              $1::timestamptz - interval '20 minutes', $1::timestamptz - interval '20 minutes', $1
         FROM "Station" s
       RETURNING id
     )
     INSERT INTO "ConversationMessage" ("conversationId", seq, author, "staffUserId", body, "createdAt")
     SELECT a.id, 1, 'CUSTOMER'::"MessageAuthor", NULL::uuid,
            'Hi! Could you do 30 guests on a Saturday next month? Do you bring the grill?',
            $1::timestamptz - interval '3 hours'
       FROM answered a
     UNION ALL
     SELECT a.id, 2, 'STAFF', u.id,
            'Yes to both: our chefs bring the grill, and 30 guests is fine. Pick a date on the booking page and we will hold it.',
            $1::timestamptz - interval '2 hours'
       FROM answered a
       LEFT JOIN LATERAL (SELECT id FROM "StaffUser" WHERE "stationId" = a."stationId" AND role = 'STAFF'
                      ORDER BY email LIMIT 1) u ON true
     UNION ALL
     SELECT w.id, 1, 'CUSTOMER', NULL,
            'Do you have vegetarian options? Two of our guests do not eat meat.',
            $1::timestamptz - interval '20 minutes'
       FROM waiting w`,
    [now],
  );
}

async function insertAll(
  client: pg.Client,
  data: DemoData,
  { passwordHash, now }: { passwordHash: string; now: Date },
  onBatch: (count: number) => void,
) {
  await insertRows(
    client,
    'Station',
    [
      { name: 'id', type: 'uuid' },
      { name: 'slug', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'timezone', type: 'text' },
      { name: 'adultPriceCents', type: 'int' },
      { name: 'childPriceCents', type: 'int' },
      { name: 'minimumCents', type: 'int' },
      { name: 'depositCents', type: 'int' },
      { name: 'currency', type: 'text' },
      { name: 'locale', type: 'text' },
      { name: 'country', type: 'text' },
      { name: 'proteinsPerAdult', type: 'int' },
      { name: 'menuLockHours', type: 'int' },
      { name: 'travelMode', type: '"TravelMode"' },
      { name: 'travelOriginPostalCode', type: 'text' },
      { name: 'travelFreeMiles', type: 'int' },
      { name: 'travelFeePerMileCents', type: 'int' },
      { name: 'travelMaxMiles', type: 'int' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    data.stations.map((s) => [
      s.id,
      s.slug,
      s.name,
      s.timezone,
      s.adultPriceCents,
      s.childPriceCents,
      s.minimumCents,
      s.depositCents,
      s.currency,
      s.locale,
      s.country,
      s.proteinsPerAdult,
      s.menuLockHours,
      s.travelMode,
      s.travelOriginPostalCode,
      s.travelFreeMiles,
      s.travelFeePerMileCents,
      s.travelMaxMiles,
      now,
    ]),
    { onBatch },
  );
  await insertRows(
    client,
    'TravelZone',
    [
      { name: 'stationId', type: 'uuid' },
      { name: 'prefix', type: 'text' },
      { name: 'label', type: 'text' },
      { name: 'feeCents', type: 'int' },
    ],
    data.stations.flatMap((s) => s.travelZones.map((z) => [s.id, z.prefix, z.label, z.feeCents])),
  );
  await insertRows(
    client,
    'MenuItem',
    [
      { name: 'id', type: 'uuid' },
      { name: 'stationId', type: 'uuid' },
      { name: 'name', type: 'text' },
      { name: 'description', type: 'text' },
      { name: 'kind', type: '"MenuItemKind"' },
      { name: 'priceCents', type: 'int' },
      { name: 'dietaryTags', type: 'text[]' },
      { name: 'sortOrder', type: 'int' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    data.stations.flatMap((s) =>
      s.menuItems.map((m) => [
        m.id,
        m.stationId,
        m.name,
        m.description,
        m.kind,
        m.priceCents,
        `{${m.dietaryTags.join(',')}}`,
        m.sortOrder,
        now,
      ]),
    ),
  );
  await insertRows(
    client,
    'Chef',
    [
      { name: 'id', type: 'uuid' },
      { name: 'stationId', type: 'uuid' },
      { name: 'name', type: 'text' },
      { name: 'color', type: 'text' },
      { name: 'active', type: 'boolean' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    data.chefs.map((c) => [c.id, c.stationId, c.name, c.color, c.active, now]),
    { onBatch },
  );
  await insertRows(
    client,
    'Customer',
    [
      { name: 'id', type: 'uuid' },
      { name: 'email', type: 'text' },
      { name: 'emailHash', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'phone', type: 'text' },
      { name: 'phoneHash', type: 'text' },
      { name: 'createdAt', type: 'timestamptz' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    data.customers.map((c) => {
      const sealed = sealCustomer(c);
      return [
        c.id,
        sealed.email,
        sealed.emailHash,
        sealed.name,
        sealed.phone,
        sealed.phoneHash,
        c.createdAt,
        now,
      ];
    }),
    { onBatch },
  );
  await insertRows(
    client,
    'StaffUser',
    [
      { name: 'email', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'passwordHash', type: 'text' },
      { name: 'role', type: '"StaffRole"' },
      { name: 'stationId', type: 'uuid' },
      { name: 'passwordSetAt', type: 'timestamptz' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    data.staff.map((u) => [u.email, u.name, passwordHash, u.role, u.stationId, now, now]),
  );
  await insertRows(
    client,
    'Booking',
    [
      { name: 'id', type: 'uuid' },
      { name: 'reference', type: 'text' },
      { name: 'stationId', type: 'uuid' },
      { name: 'customerId', type: 'uuid' },
      { name: 'chefId', type: 'uuid' },
      { name: 'eventDate', type: 'date' },
      { name: 'startTime', type: 'text' },
      { name: 'startsAt', type: 'timestamptz' },
      { name: 'endsAt', type: 'timestamptz' },
      { name: 'blockedUntil', type: 'timestamptz' },
      { name: 'durationMinutes', type: 'int' },
      { name: 'adults', type: 'int' },
      { name: 'children', type: 'int' },
      { name: 'addressLine1', type: 'text' },
      { name: 'city', type: 'text' },
      { name: 'postalCode', type: 'text' },
      { name: 'specialRequests', type: 'text' },
      { name: 'totalCents', type: 'int' },
      { name: 'depositCents', type: 'int' },
      { name: 'currency', type: 'text' },
      { name: 'adultPriceCents', type: 'int' },
      { name: 'childPriceCents', type: 'int' },
      { name: 'minimumCents', type: 'int' },
      { name: 'travelFeeCents', type: 'int' },
      { name: 'travelLabel', type: 'text' },
      { name: 'status', type: '"BookingStatus"' },
      { name: 'holdExpiresAt', type: 'timestamptz' },
      { name: 'cancelledAt', type: 'timestamptz' },
      { name: 'cancellationReason', type: 'text' },
      { name: 'createdAt', type: 'timestamptz' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    data.bookings.map((b) => [
      b.id,
      b.reference,
      b.stationId,
      b.customerId,
      b.chefId,
      b.eventDate,
      b.startTime,
      b.startsAt,
      b.endsAt,
      b.blockedUntil,
      b.durationMinutes,
      b.adults,
      b.children,
      seal(b.addressLine1),
      b.city,
      b.postalCode,
      sealOptional(b.specialRequests),
      b.totalCents,
      b.depositCents,
      b.currency,
      b.adultPriceCents,
      b.childPriceCents,
      b.minimumCents,
      b.travelFeeCents,
      b.travelLabel,
      b.status,
      b.holdExpiresAt,
      b.cancelledAt,
      b.cancellationReason,
      b.createdAt,
      b.createdAt,
    ]),
    { onBatch },
  );
  await insertRows(
    client,
    'BookingMenuLine',
    [
      { name: 'bookingId', type: 'uuid' },
      { name: 'itemId', type: 'uuid' },
      { name: 'kind', type: '"MenuItemKind"' },
      { name: 'name', type: 'text' },
      { name: 'unitPriceCents', type: 'int' },
      { name: 'quantity', type: 'int' },
    ],
    data.bookings.flatMap((b) =>
      b.menuLines.map((l) => [b.id, l.itemId, l.kind, l.name, l.unitPriceCents, l.quantity]),
    ),
    { batchSize: 20_000 },
  );
  await insertRows(
    client,
    'Payment',
    [
      { name: 'bookingId', type: 'uuid' },
      { name: 'stationId', type: 'uuid' },
      { name: 'amountCents', type: 'int' },
      { name: 'refundedCents', type: 'int' },
      { name: 'method', type: '"PaymentMethod"' },
      { name: 'status', type: '"PaymentStatus"' },
      { name: 'purpose', type: '"PaymentPurpose"' },
      { name: 'gratuityCents', type: 'int' },
      { name: 'providerRef', type: 'text' },
      { name: 'createdAt', type: 'timestamptz' },
      { name: 'updatedAt', type: 'timestamptz' },
    ],
    data.payments.map((p) => [
      p.bookingId,
      p.stationId,
      p.amountCents,
      p.refundedCents,
      p.method,
      p.status,
      p.purpose,
      p.gratuityCents,
      p.providerRef,
      p.createdAt,
      p.createdAt,
    ]),
    { onBatch },
  );
}
