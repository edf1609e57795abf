import type { MessageAuthor } from '../generated/prisma/client';
import type { TMessage } from './conversation.schema';

export type MessageRow = {
  seq: number;
  author: MessageAuthor;
  body: string;
  clientMessageId: string | null;
  createdAt: Date;
  staffUser: { name: string } | null;
};

export const messageSelect = {
  seq: true,
  author: true,
  body: true,
  clientMessageId: true,
  createdAt: true,
  staffUser: { select: { name: true } },
} as const;

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

/** A message as both sides show it: staff by first name, the assistant named as one. */
export function toMessage(row: MessageRow, customerName: string): TMessage {
  const authorName =
    row.author === 'CUSTOMER'
      ? customerName
      : row.author === 'STAFF'
        ? firstName(row.staffUser?.name ?? 'Staff')
        : row.author === 'ASSISTANT'
          ? 'Assistant'
          : 'Hibachi at Home';
  return {
    seq: row.seq,
    author: row.author,
    authorName,
    body: row.body,
    clientMessageId: row.clientMessageId,
    createdAt: row.createdAt.toISOString(),
  };
}
