import 'server-only';
import { z } from 'zod';

/** Default embedded PostgreSQL port, used when DATABASE_URL is unset outside production. */
export const DEFAULT_EMBEDDED_PG_PORT = 54329;
export const EMBEDDED_DATABASE_NAME = 'hibachi';
export const EMBEDDED_PG_USER = 'hibachi';
export const EMBEDDED_PG_PASSWORD = 'hibachi-local-dev';

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be a postgres:// or postgresql:// URL with a host');

const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());

export const ZServerEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: z.preprocess((value) => (value === '' ? undefined : value), postgresUrl.optional()),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(DEFAULT_EMBEDDED_PG_PORT),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: optionalUrl,
  /** HMAC key for the signed links in booking e-mails; required in production. */
  BOOKING_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Keys for customer data at rest (AES-256-GCM): `id:base64` of 32 bytes each, comma-separated;
   * the current one (new values) starts with `*` unless there is only one. Older keys stay
   * listed until `pnpm data:rotate-key` has moved every value. Required in production.
   */
  DATA_ENCRYPTION_KEYS: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().optional(),
  ),
  /** HMAC key of the blind indexes (exact e-mail and phone lookups); required in production. */
  DATA_INDEX_KEY: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  /** Signs and encrypts admin session cookies (next-auth); required in production. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Stripe: both keys switch deposits from the local simulator to Stripe Checkout. */
  STRIPE_SECRET_KEY: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_…)')
      .optional(),
  ),
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^whsec_\w+$/, 'must be a Stripe webhook secret (whsec_…)')
      .optional(),
  ),
  /** The local payment simulator in production (demos only): without Stripe keys it is refused. */
  PAYMENT_SIMULATOR: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(['true', 'false']).optional(),
  ),
  /** Another Stripe API base (tests point the real SDK at a local fake server). */
  STRIPE_API_URL: optionalUrl,
  /** The customer app's public address, for links that leave the site (Stripe return URLs). */
  PUBLIC_CUSTOMER_URL: z.url().default('http://localhost:3000'),
  /** The admin app's public address, for the set-password links e-mailed to staff. */
  PUBLIC_ADMIN_URL: z.url().default('http://localhost:3001'),
  /** When set, GET /api/metrics requires `Authorization: Bearer <token>`. */
  METRICS_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  /** Proxies in front of the app that append to X-Forwarded-For (the client IP is read that many hops from the right). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(5).default(1),
  SENTRY_DSN: optionalUrl,
  /** SMTP server for the e-mail outbox (smtp:// or smtps://, credentials in the URL). Unset: e-mails wait in the outbox. */
  SMTP_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  ),
  /** An OpenAI-compatible API for the conversation assistant (both or neither): unset, conversations are a human inbox only. */
  AI_BASE_URL: optionalUrl,
  AI_API_KEY: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(1).optional(),
  ),
  AI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Sender of customer e-mails, e.g. `Hibachi at Home <bookings@example.com>`. */
  EMAIL_FROM: z
    .string()
    .regex(
      /^[^<>\r\n]*<[^@\s<>]+@[^@\s<>]+>$|^[^@\s<>]+@[^@\s<>]+$/,
      'must be an address or "Name <address>"',
    )
    .default('Hibachi at Home <bookings@hibachi.example>'),
});

export type TServerEnv = z.infer<typeof ZServerEnv> & {
  DATABASE_URL: string;
  BOOKING_TOKEN_SECRET: string;
  DATA_ENCRYPTION_KEYS: string;
  DATA_INDEX_KEY: string;
  AUTH_SECRET: string | undefined;
};

/** Development-only signing keys, so the quick start needs no configuration. Never valid in production. */
const DEVELOPMENT_TOKEN_SECRET = 'development-only-booking-token-secret-change-me';
const DEVELOPMENT_AUTH_SECRET = 'development-only-admin-session-secret-change-me';
/** 32 bytes of "development-only-data-key-dev1!!" (base64): the demo's data key. */
const DEVELOPMENT_DATA_KEYS = 'dev1:ZGV2ZWxvcG1lbnQtb25seS1kYXRhLWtleS1kZXYxISE=';
const DEVELOPMENT_INDEX_KEY = 'development-only-blind-index-key-change-me';

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      `Invalid environment: ${issues.map((issue) => `${issue.variable} ${issue.message}`).join('; ')}`,
    );
    this.name = 'EnvError';
  }
}

/** Validates an environment; throws EnvError naming every bad variable. */
export function parseServerEnv(source: Record<string, string | undefined>): TServerEnv {
  const result = ZServerEnv.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment'),
        message: issue.message,
      })),
    );
  }
  const env = result.data;
  const production = env.NODE_ENV === 'production';
  if (Boolean(env.AI_BASE_URL) !== Boolean(env.AI_API_KEY)) {
    throw new EnvError([
      {
        variable: env.AI_BASE_URL ? 'AI_API_KEY' : 'AI_BASE_URL',
        message: 'must be set together with the other assistant variable',
      },
    ]);
  }
  if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
    throw new EnvError([
      {
        variable: env.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY',
        message: 'must be set together with the other Stripe key',
      },
    ]);
  }
  const requiredInProduction = [
    'DATABASE_URL',
    'BOOKING_TOKEN_SECRET',
    'DATA_ENCRYPTION_KEYS',
    'DATA_INDEX_KEY',
  ] as const;
  const missing = [
    ...requiredInProduction.map((variable) =>
      production && !env[variable] ? { variable, message: 'is required in production' } : undefined,
    ),
    !env.STRIPE_SECRET_KEY && production && env.PAYMENT_SIMULATOR !== 'true'
      ? {
          variable: 'STRIPE_SECRET_KEY',
          message:
            'is required in production (or set PAYMENT_SIMULATOR=true for a demo where no money moves)',
        }
      : undefined,
  ].filter((issue): issue is { variable: string; message: string } => issue !== undefined);
  if (missing.length > 0) throw new EnvError(missing);
  return {
    ...env,
    DATABASE_URL: env.DATABASE_URL ?? embeddedDatabaseUrl(env.EMBEDDED_PG_PORT),
    BOOKING_TOKEN_SECRET: env.BOOKING_TOKEN_SECRET ?? DEVELOPMENT_TOKEN_SECRET,
    DATA_ENCRYPTION_KEYS: env.DATA_ENCRYPTION_KEYS ?? DEVELOPMENT_DATA_KEYS,
    DATA_INDEX_KEY: env.DATA_INDEX_KEY ?? DEVELOPMENT_INDEX_KEY,
    AUTH_SECRET: env.AUTH_SECRET ?? (production ? undefined : DEVELOPMENT_AUTH_SECRET),
  };
}

export function embeddedDatabaseUrl(port: number, database = EMBEDDED_DATABASE_NAME): string {
  return `postgresql://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@localhost:${port}/${database}`;
}

let cached: TServerEnv | undefined;

/** The process environment, validated once. The only reader of process.env in app code. */
export function getServerEnv(): TServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** The admin app's session key: required in production (the customer app never needs it). */
export function requireAuthSecret(env: TServerEnv = getServerEnv()): string {
  if (!env.AUTH_SECRET)
    throw new EnvError([{ variable: 'AUTH_SECRET', message: 'is required in production' }]);
  return env.AUTH_SECRET;
}
