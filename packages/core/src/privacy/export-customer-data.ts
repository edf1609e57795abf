import 'server-only';
import { writeStaffAudit } from '../audit/write-audit';
import { requireRecord } from '../auth/require-in-scope';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { type TCustomerExport } from './customer-data.schema';
import { toLocalDate } from '../time';
import { conversationsOf } from './customer-data';

/**
 * `GET /api/admin/customers/ID/export` (super admin, audited): everything kept about the
 * customer, as JSON: profile, bookings with their menu and payments, conversations.
 */
export async function exportCustomerData(
  options: StaffRequest & { customerId: string; now?: Date },
): Promise<TCustomerExport> {
  assertCan(options.scope, 'customers.privacy');
  const db = getDb();
  const customer = await requireRecord('customer', options.customerId, (id) =>
    db.customer.findUnique({
      where: { id },
      include: {
        bookings: {
          orderBy: { startsAt: 'asc' },
          include: {
            station: { select: { name: true } },
            menuLines: { select: { name: true, quantity: true } },
            payments: { orderBy: { createdAt: 'asc' } },
          },
        },
      },
    }),
  );
  const conversationIds = (
    await db.$queryRaw<{ id: string }[]>(conversationsOf(customer.id, customer.emailHash))
  ).map((row) => row.id);
  const conversations = await db.conversation.findMany({
    where: { id: { in: conversationIds } },
    orderBy: { createdAt: 'asc' },
    include: {
      station: { select: { name: true } },
      messages: { orderBy: { seq: 'asc' }, select: { author: true, body: true, createdAt: true } },
    },
  });
  await inTransaction((tx) =>
    writeStaffAudit(tx, options, {
      entityType: 'Customer',
      entityId: customer.id,
      action: 'customer.exported',
      after: { bookings: customer.bookings.length, conversations: conversations.length },
    }),
  );
  return {
    exportedAt: (options.now ?? new Date()).toISOString(),
    profile: {
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      createdAt: customer.createdAt.toISOString(),
    },
    bookings: customer.bookings.map((booking) => ({
      reference: booking.reference,
      station: booking.station.name,
      status: booking.status,
      date: toLocalDate(booking.eventDate),
      time: booking.startTime,
      adults: booking.adults,
      children: booking.children,
      address: {
        line1: booking.addressLine1,
        line2: booking.addressLine2,
        city: booking.city,
        postalCode: booking.postalCode,
      },
      specialRequests: booking.specialRequests,
      currency: booking.currency,
      totalCents: booking.totalCents,
      menu: booking.menuLines,
      payments: booking.payments.map((payment) => ({
        createdAt: payment.createdAt.toISOString(),
        purpose: payment.purpose,
        method: payment.method,
        status: payment.status,
        amountCents: payment.amountCents,
        refundedCents: payment.refundedCents,
        gratuityCents: payment.gratuityCents,
      })),
      createdAt: booking.createdAt.toISOString(),
    })),
    conversations: conversations.map((conversation) => ({
      station: conversation.station.name,
      startedAt: conversation.createdAt.toISOString(),
      messages: conversation.messages.map((message) => ({
        author: message.author,
        body: message.body,
        sentAt: message.createdAt.toISOString(),
      })),
    })),
  };
}
