import { z } from 'zod';
import { AppError } from '../errors/app-error';

/** A position in a newest-first list: the last row's timestamp and id (ties broken by id). */
export type KeysetCursor = { at: Date; id: string };

const ZCursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** Opaque to clients: base64url of the last row's key. */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

/** A cursor this API did not hand out answers 400, never a 500 or a silently wrong page. */
export function decodeCursor(text: string): KeysetCursor {
  let decoded: unknown;
  try {
    decoded = /^[A-Za-z0-9_-]+$/.test(text)
      ? JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
      : undefined;
  } catch {
    decoded = undefined;
  }
  const parsed = ZCursor.safeParse(decoded);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', 'That page link is not valid. Start from page one.', {
      details: {
        cursor: ['Invalid cursor'],
      },
    });
  return { at: new Date(parsed.data[0]), id: parsed.data[1] };
}

/** Prisma-style condition for "after this cursor" in a list ordered by (field desc, id desc). */
export function afterCursor<Field extends string>(
  field: Field,
  cursor: KeysetCursor,
): { OR: [Record<Field, { lt: Date }>, Record<Field, Date> & { id: { lt: string } }] } {
  return {
    OR: [
      { [field]: { lt: cursor.at } } as Record<Field, { lt: Date }>,
      { [field]: cursor.at, id: { lt: cursor.id } } as Record<Field, Date> & { id: { lt: string } },
    ],
  };
}
