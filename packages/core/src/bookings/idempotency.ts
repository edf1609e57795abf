import { createHash } from 'node:crypto';
import { Prisma } from '../generated/prisma/client';
import { AppError } from '../errors/app-error';

type Tx = Pick<Prisma.TransactionClient, '$queryRaw' | 'idempotencyKey'>;

const KEY_TTL_MS = 24 * 3_600_000;
const VALID_KEY = /^[A-Za-z0-9_:.-]{8,200}$/;

export type StoredResponse = { status: number; body: Prisma.JsonValue };

export function parseIdempotencyKey(header: string | null): string | undefined {
  if (header === null) return undefined;
  if (!VALID_KEY.test(header)) {
    throw new AppError(
      'VALIDATION_FAILED',
      'The Idempotency-Key header must be 8-200 letters, digits or -_:.',
      {
        details: {
          'Idempotency-Key': ['Invalid format'],
        },
      },
    );
  }
  return header;
}

/** A stable hash of the request body (keys sorted), to spot a reused key with a different body. */
export function hashRequest(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

/**
 * Claims an idempotency key inside the caller's transaction. A concurrent request with
 * the same key waits on the unique index until the first commits, then gets its stored
 * response. Returns the stored response to replay, or undefined when this request owns the key.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  scope: string,
  key: string,
  requestHash: string,
): Promise<StoredResponse | undefined> {
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "IdempotencyKey" (scope, key, "requestHash", "expiresAt")
    VALUES (${scope}, ${key}, ${requestHash}, ${new Date(Date.now() + KEY_TTL_MS)})
    ON CONFLICT (scope, key) DO NOTHING
    RETURNING id`;
  if (inserted.length > 0) return undefined;
  return storedResponse(
    await tx.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } }),
    requestHash,
  );
}

/** A key someone else claimed: its stored response to replay, or 409 (another body, or still running). */
export function storedResponse(
  existing: {
    requestHash: string;
    responseStatus: number | null;
    responseBody: Prisma.JsonValue;
  } | null,
  requestHash: string,
): StoredResponse {
  if (!existing)
    throw new AppError('CONFLICT', 'That request is being processed. Please retry in a moment.', {
      details: {
        reason: 'IN_PROGRESS',
      },
    });
  if (existing.requestHash !== requestHash) {
    throw new AppError(
      'CONFLICT',
      'This Idempotency-Key was already used with a different request.',
      { details: { reason: 'IDEMPOTENCY_MISMATCH' } },
    );
  }
  if (existing.responseStatus === null) {
    throw new AppError('CONFLICT', 'That request is being processed. Please retry in a moment.', {
      details: {
        reason: 'IN_PROGRESS',
      },
    });
  }
  return { status: existing.responseStatus, body: existing.responseBody };
}

/**
 * A key claimed together with the response it will replay, for a write done in one statement:
 * `INSERT … SELECT … FROM ${rows}` (claimed only when `rows` has a row) `ON CONFLICT DO
 * NOTHING RETURNING id`. A concurrent claim of the same key waits on the unique index until
 * the first commits, then claims nothing.
 */
export function claimWithResponseSql(
  claim: { scope: string; key: string; requestHash: string; response: StoredResponse },
  rows: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "IdempotencyKey" (scope, key, "requestHash", "expiresAt", "responseStatus", "responseBody")
    SELECT ${claim.scope}::text, ${claim.key}::text, ${claim.requestHash}::text,
           ${new Date(Date.now() + KEY_TTL_MS)}::timestamptz, ${claim.response.status}::int,
           ${JSON.stringify(claim.response.body)}::jsonb
      FROM ${rows}
    ON CONFLICT (scope, key) DO NOTHING
    RETURNING id`;
}

export async function storeIdempotentResponse(
  tx: Tx,
  scope: string,
  key: string,
  response: { status: number; body: Prisma.InputJsonValue },
) {
  await tx.idempotencyKey.update({
    where: { scope_key: { scope, key } },
    data: { responseStatus: response.status, responseBody: response.body },
  });
}
