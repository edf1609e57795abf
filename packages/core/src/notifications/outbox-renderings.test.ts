import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bookingInput,
  daysAhead,
  heldBooking,
  payWithSimulator,
  resetStation,
  staffScope,
  STATION,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { plainTextOf } from '../../test/mail-text';
import { startSmtpSink } from '../../test/smtp-sink';
import type { StaffScope } from '../auth/staff-scope';
import {
  cancelCustomerBooking,
  changeBookingMenuAsStaff,
  createStaffBooking,
  rescheduleBooking,
  sendProposal,
} from '../bookings';
import { replyToConversation, startConversation } from '../conversations';
import { inTransaction } from '../db/transaction';
import { OutboxKind } from '../generated/prisma/enums';
import { simulateCheckout, startBalanceCheckout, startDepositCheckout } from '../payments';
import { createStaff } from '../staff';
import { deliverDueEmails } from './deliver-outbox';
import { createSmtpTransport } from './email-transport';
import { enqueueEmail } from './enqueue-email';
import { listOutbox } from './list-outbox';
import { planBookingMessages } from './plan-booking-messages';
import { previewOutbox } from './preview-outbox';
import { HIDDEN_PASSWORD_LINK } from './staff-email';

const HOUR = 3_600_000;

/**
 * One renderer: every kind of e-mail the outbox knows (read from the database's enum, so a
 * new kind fails this test until it is queued here) reads the same in the admin outbox, in
 * `pnpm mail:outbox` and in the e-mail that reaches a real SMTP server.
 */
describe('every outbox e-mail, as sent, viewed and previewed', () => {
  let client: pg.Client;
  let stationId: string;
  let superAdmin: StaffScope;
  const received = new Map<string, string>();
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    await client.query('TRUNCATE "Conversation" CASCADE');
    superAdmin = await staffScope(client, 'SUPER_ADMIN', null);
    received.clear();
    smtp = await startSmtpSink(({ raw }) => {
      const id = /^Message-ID: <outbox-([0-9a-f-]{36})@/im.exec(raw)?.[1];
      if (id) received.set(id, plainTextOf(raw));
      return undefined;
    });
  });
  afterEach(async () => {
    await smtp.close();
    await client.end();
  });

  const bookingRow = async (reference: string) =>
    (
      await client.query<{ id: string; version: number; startsAt: Date; endsAt: Date }>(
        'SELECT id, version, "startsAt", "endsAt" FROM "Booking" WHERE reference = $1',
        [reference],
      )
    ).rows[0]!;

  async function payBalance(booking: { reference: string; token: string }) {
    const checkout = await startBalanceCheckout({
      reference: booking.reference,
      input: { token: booking.token, gratuity: { kind: 'amount', amountCents: 6_000 } },
    });
    const session = new URL(checkout.url, 'http://x').searchParams.get('session')!;
    await simulateCheckout({
      input: { reference: booking.reference, token: booking.token, session, outcome: 'pay' },
    });
  }

  /** Queues at least one e-mail of every kind through the use cases that write them. */
  async function queueEveryKind() {
    // A hold waiting for its deposit.
    await heldBooking({ date: daysAhead(9) });

    // Paid, then paid in full with a gratuity, moved, its menu and chef changed, and its
    // reminder and day-before message planned.
    const party = await heldBooking({ date: daysAhead(10) });
    await payWithSimulator(party.reference, party.token);
    await payBalance(party);
    const paid = await bookingRow(party.reference);
    await rescheduleBooking({
      scope: superAdmin,
      bookingId: paid.id,
      input: { date: daysAhead(11), time: '17:00', version: paid.version },
    });
    const moved = await bookingRow(party.reference);
    await changeBookingMenuAsStaff({
      scope: superAdmin,
      bookingId: moved.id,
      input: { adults: 7, children: 2, menu: [], version: moved.version },
    });
    // Another chef takes it (reassignBookings writes this, for time off or a chef leaving).
    await inTransaction((tx) =>
      enqueueEmail(tx, {
        kind: 'BOOKING_CHEF_CHANGED',
        recipient: 'owner@example.com',
        subject: `Your chef for ${party.reference}`,
        payload: { reference: party.reference, chef: 'Chef 2' },
        bookingId: moved.id,
        stationId,
      }),
    );
    await planBookingMessages(new Date(moved.startsAt.getTime() - 7 * 24 * HOUR + HOUR));
    await planBookingMessages(new Date(moved.startsAt.getTime() - 23 * HOUR));

    // Cancelled in time after the deposit, the balance and a gratuity were paid.
    const cancelled = await heldBooking({ date: daysAhead(12) });
    await payWithSimulator(cancelled.reference, cancelled.token);
    await payBalance(cancelled);
    await cancelCustomerBooking({
      reference: cancelled.reference,
      input: { token: cancelled.token },
    });

    // A deposit that lands after the customer cancelled goes back.
    const late = await heldBooking({ date: daysAhead(13) });
    const { url } = await startDepositCheckout({
      input: { reference: late.reference, token: late.token },
    });
    await cancelCustomerBooking({ reference: late.reference, input: { token: late.token } });
    await simulateCheckout({
      input: {
        reference: late.reference,
        token: late.token,
        session: new URL(url, 'http://x').searchParams.get('session')!,
        outcome: 'pay',
      },
    });

    // An event that happened: its thank-you.
    const done = await heldBooking({ date: daysAhead(14) });
    await payWithSimulator(done.reference, done.token);
    await client.query(`UPDATE "Booking" SET status = 'COMPLETED' WHERE reference = $1`, [
      done.reference,
    ]);
    await planBookingMessages(
      new Date((await bookingRow(done.reference)).endsAt.getTime() + 19 * HOUR),
    );

    // A phone order: its proposal link, and the same link sent again.
    const phoned = await createStaffBooking({
      scope: superAdmin,
      input: bookingInput({ date: daysAhead(15) }),
    });
    await sendProposal({ scope: superAdmin, bookingId: (phoned.body as { id: string }).id });

    // No booking at all: a staff account's password link, and a reply in a conversation.
    await createStaff({
      scope: superAdmin,
      input: { email: 'new.staff@example.com', name: 'Noa Staff', role: 'STAFF', station: STATION },
    });
    const { conversation } = await startConversation({
      address: '198.51.100.40',
      input: {
        station: STATION,
        name: 'Casey Customer',
        email: 'casey@example.com',
        message: { clientMessageId: randomUUID(), body: 'Do you bring the grill?' },
      },
    });
    await replyToConversation({
      scope: superAdmin,
      conversationId: conversation.id,
      input: { clientMessageId: randomUUID(), body: 'Yes: the chef brings everything.' },
    });
  }

  /** The admin outbox's and the preview's text of every message, by id. */
  async function shownTexts() {
    const viewer = new Map(
      (await listOutbox({ scope: superAdmin, query: { limit: '100' } })).items.map((item) => [
        item.id,
        { kind: item.kind, status: item.status, text: item.text },
      ]),
    );
    const preview = new Map(
      (await previewOutbox({ limit: 100 })).map((email) => [email.id, email.text]),
    );
    return { viewer, preview };
  }

  it('renders each kind the same through delivery, the admin outbox and the preview', async () => {
    await queueEveryKind();

    const before = await shownTexts();
    expect(before.viewer.size).toBeGreaterThan(Object.keys(OutboxKind).length);
    for (const [id, shown] of before.viewer)
      expect(before.preview.get(id), shown.kind).toBe(shown.text);
    for (const shown of before.viewer.values())
      expect(shown.text, shown.kind).not.toMatch(/no longer exists|cannot be rendered/);

    // Deliver everything due, the conversation's reply (sent a minute later) included.
    const transport = createSmtpTransport(smtp.url);
    const later = new Date(Date.now() + 2 * 60_000);
    while ((await deliverDueEmails({ transport, now: later })).sent > 0);
    transport.close();

    const sentKinds = new Set<string>();
    for (const [id, text] of received) {
      const shown = before.viewer.get(id);
      expect(shown, `an e-mail the outbox lists (${id})`).toBeDefined();
      sentKinds.add(shown!.kind);
      // The outbox shows a staff member's set-password link to nobody else.
      const visible =
        shown!.kind === 'STAFF_SET_PASSWORD'
          ? text.replace(/^http\S+\/set-password\?token=\S+$/m, HIDDEN_PASSWORD_LINK)
          : text;
      expect(visible, shown!.kind).toBe(shown!.text);
    }
    expect([...sentKinds].sort()).toEqual(Object.values(OutboxKind).sort());

    const reply = [...before.viewer.values()].find((shown) => shown.kind === 'CONVERSATION_REPLY');
    expect(reply!.text).toContain('Yes: the chef brings everything.');
    expect(reply!.text).toMatch(
      /Reply or read the whole conversation: http\S+\/chat\/[0-9a-f-]{36}\?key=/,
    );

    // After delivery the viewer and the preview still agree, skipped e-mails saying why.
    const after = await shownTexts();
    for (const [id, shown] of after.viewer)
      expect(after.preview.get(id), shown.kind).toBe(shown.text);
    const skipped = [...after.viewer.values()].filter((shown) => shown.status === 'SKIPPED');
    expect(skipped.length).toBeGreaterThan(0);
    for (const shown of skipped) expect(shown.text).toMatch(/^\(not sent: .+\)\n\nHi /);
  });
});
