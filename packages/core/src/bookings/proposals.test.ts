import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bookingInput,
  daysAhead,
  payWithSimulator,
  refusal,
  STATION,
} from '../../test/booking-fixtures';
import { HIBACHI_MENU, insertMenu } from '../../test/factories';
import { readPdf } from '../../test/pdf-text';
import { attachmentOf, plainTextOf } from '../../test/mail-text';
import { startSmtpSink, type SinkMessage } from '../../test/smtp-sink';
import { deliverDueEmails } from '../notifications/deliver-outbox';
import { createSmtpTransport } from '../notifications/email-transport';
import { proposalAttachments } from './proposal-attachments';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import { getAdjustmentAnalytics } from '../analytics';
import { eraseCustomer } from '../privacy';
import { ERASED_NAME } from '../privacy/customer-data';
import { isSealed } from '../crypto/field-crypto';
import { formatMoney } from '../money/format-money';
import { recordOfflinePayment } from '../payments';
import { getPublicTerms, getPublicTermsVersion, getTermsHistory, publishTerms } from '../terms';
import {
  acceptProposal,
  adjustBookingPrice,
  changeBookingMenuAsStaff,
  changeCustomerMenu,
  createBooking,
  createStaffBooking,
  getCustomerBooking,
  getProposalPdf,
  getStaffBooking,
  getStaffProposalPdf,
  rescheduleBooking,
  sendProposal,
} from '.';

type Staffed = { id: string; reference: string; proposalUrl: string; totalCents: number };
const USD = { currency: 'USD', locale: 'en-US' };
const tokenOf = (url: string) => new URL(url, 'http://x').searchParams.get('token')!;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('terms, proposals and acceptance', () => {
  let w: StaffWorkspace;

  beforeEach(async () => {
    w = await setUpStaffWorkspace();
  });
  afterEach(() => w.client.end());

  /** A phone order of 14 adults with a 10% discount, as the e2e takes it. */
  async function phoneOrder(overrides: Record<string, unknown> = {}) {
    const result = await createStaffBooking({
      scope: w.staff,
      input: bookingInput({
        adults: 14,
        children: 0,
        adjustments: [
          {
            kind: 'DISCOUNT',
            percent: 10,
            label: 'Returning guest',
            reason: 'Third party this year',
          },
        ],
        ...overrides,
      }),
    });
    return result.body as Staffed;
  }

  it('versions the terms: a first version from the settings, a new one per change, old ones kept', async () => {
    const first = await getPublicTerms({ slug: STATION });
    expect(first.version).toBe(1);
    expect(first.body).toContain('48 hours before the event');
    expect(first.sha256).toBe(sha256(first.body));

    const body = `${first.body}\n9. Pets. Please keep pets away from the grill.`;
    const history = await publishTerms({ scope: w.manager, slug: STATION, input: { body } });
    expect(history.current).toMatchObject({ version: 2, body, sha256: sha256(body) });
    expect(history.versions.map((version) => version.version)).toEqual([2, 1]);
    expect(history.versions[0]!.createdBy).toBe('Staff Member');
    // The same text again publishes nothing; staff may not publish; the old text stays.
    expect(
      (await publishTerms({ scope: w.manager, slug: STATION, input: { body } })).versions,
    ).toHaveLength(2);
    expect(
      await refusal(publishTerms({ scope: w.staff, slug: STATION, input: { body } })),
    ).toMatchObject({ status: 403 });
    expect(
      await refusal(getTermsHistory({ scope: w.manager, slug: 'other-station' })),
    ).toMatchObject({ status: 404 });
    expect(await getPublicTermsVersion({ slug: STATION, version: '1' })).toEqual(first);
    expect(await refusal(getPublicTermsVersion({ slug: STATION, version: '3' }))).toMatchObject({
      status: 404,
    });
    expect(await refusal(getPublicTermsVersion({ slug: STATION, version: 'x1' }))).toMatchObject({
      status: 404,
    });
  });

  it('prices a phone order with its discount, holds it until the proposal is accepted, then takes the deposit', async () => {
    const booking = await phoneOrder();
    // 14 × 50.00 = 700.00, less 10% = 630.00.
    expect(booking.totalCents).toBe(63_000);
    const token = tokenOf(booking.proposalUrl);
    const seen = await getCustomerBooking({ reference: booking.reference, proof: { token } });
    expect(seen.priceLines.at(-1)).toEqual({
      kind: 'DISCOUNT',
      label: 'Returning guest (10%)',
      amountCents: -7_000,
    });
    expect(seen.proposal).toEqual({ version: 1, needsAcceptance: true, acceptances: [] });

    // Paying before accepting is refused.
    expect(await refusal(payWithSimulator(booking.reference, token))).toMatchObject({
      status: 409,
      details: { reason: 'TERMS_NOT_ACCEPTED' },
    });

    const terms = await getPublicTerms({ slug: STATION });
    const accepted = await acceptProposal({
      reference: booking.reference,
      input: {
        token,
        name: 'Zoë Ångström',
        agree: true,
        termsVersion: terms.version,
        proposalVersion: 1,
        totalCents: booking.totalCents,
      },
      clientAddress: '203.0.113.9',
    });
    expect(accepted.proposal).toMatchObject({
      needsAcceptance: false,
      acceptances: [
        {
          proposalVersion: 1,
          name: 'Zoë Ångström',
          termsVersion: 1,
          termsSha256: terms.sha256,
          totalCents: 63_000,
        },
      ],
    });
    const { rows } = await w.client.query(
      `SELECT "acceptedName", "clientAddressHash" FROM "TermsAcceptance"`,
    );
    expect(isSealed(rows[0].acceptedName)).toBe(true);
    expect(rows[0].clientAddressHash).not.toContain('203.0.113');

    // The accepted proposal's PDF: what the database holds, the same bytes for both sides.
    const pdf = await getProposalPdf({ reference: booking.reference, proof: { token } });
    expect(pdf.filename).toBe(`proposal-${booking.reference}-v1.pdf`);
    const { text } = await readPdf(pdf.bytes);
    const flat = text.replace(/\s+/g, '');
    for (const expected of [
      booking.reference,
      'Zoë Ångström',
      'Returning guest (10%)',
      formatMoney(-7_000, USD),
      formatMoney(63_000, USD),
      terms.sha256.slice(0, 16),
    ])
      expect(flat, expected).toContain(expected.replace(/\s+/g, ''));
    const again = await getStaffProposalPdf({ scope: w.staff, bookingId: booking.id });
    expect(Buffer.from(again.bytes).equals(Buffer.from(pdf.bytes))).toBe(true);
    expect(
      await refusal(
        getStaffProposalPdf({
          scope: { ...w.staff, stationId: w.otherStationId },
          bookingId: booking.id,
        }),
      ),
    ).toMatchObject({ status: 404 });

    const { result } = await payWithSimulator(booking.reference, token);
    expect(result).toMatchObject({ outcome: 'CONFIRMED' });
    // The confirmation e-mail carries the accepted proposal's PDF.
    const received: SinkMessage[] = [];
    const smtp = await startSmtpSink((message) => {
      received.push(message);
      return undefined;
    });
    const transport = createSmtpTransport(smtp.url);
    while ((await deliverDueEmails({ transport, attachmentsFor: proposalAttachments })).sent > 0);
    transport.close();
    await smtp.close();
    const confirmation = received.find((message) => /Subject: Confirmed/.test(message.raw));
    const attached = attachmentOf(confirmation!.raw, 'application/pdf');
    expect(attached?.filename).toBe(`proposal-${booking.reference}-v1.pdf`);
    expect((await readPdf(attached!.bytes)).text).toContain('Zoë Ångström');
    const held = received.find((message) => /proposal is ready/.test(plainTextOf(message.raw)));
    expect(held && attachmentOf(held.raw, 'application/pdf')).toBeUndefined();

    const detail = await getStaffBooking({ scope: w.staff, bookingId: booking.id });
    expect(detail).toMatchObject({
      status: 'CONFIRMED',
      source: 'STAFF',
      enteredBy: 'Staff Member',
      proposal: { version: 1, needsAcceptance: false },
      adjustments: [
        {
          kind: 'DISCOUNT',
          percent: 10,
          reason: 'Third party this year',
          createdBy: 'Staff Member',
        },
      ],
    });
    expect(detail.audit.map((entry) => entry.action)).toContain('booking.proposal_accepted');
  });

  it('refuses a tampered link, another booking’s token, stale versions and a second acceptance', async () => {
    const booking = await phoneOrder();
    const other = await phoneOrder({ date: daysAhead(12) });
    const token = tokenOf(booking.proposalUrl);
    const accept = (input: Record<string, unknown>) =>
      acceptProposal({
        reference: booking.reference,
        input: {
          token,
          name: 'Pat Phone',
          agree: true,
          termsVersion: 1,
          proposalVersion: 1,
          totalCents: booking.totalCents,
          ...input,
        },
      });
    expect(await refusal(accept({ token: `${token.slice(0, -2)}xx` }))).toMatchObject({
      status: 404,
    });
    expect(await refusal(accept({ token: tokenOf(other.proposalUrl) }))).toMatchObject({
      status: 404,
    });
    expect(await refusal(accept({ agree: false }))).toMatchObject({
      status: 400,
      details: { agree: expect.any(Array) },
    });
    expect(await refusal(accept({ name: ' ' }))).toMatchObject({ status: 400 });
    // A total other than the one shown (staff changed it meanwhile) is not accepted either.
    expect(await refusal(accept({ totalCents: booking.totalCents + 100 }))).toMatchObject({
      status: 409,
      details: { reason: 'PROPOSAL_CHANGED', totalCents: booking.totalCents },
    });
    expect(await refusal(accept({ proposalVersion: 2 }))).toMatchObject({
      status: 409,
      details: { reason: 'PROPOSAL_CHANGED' },
    });
    await publishTerms({
      scope: w.manager,
      slug: STATION,
      input: { body: 'New terms: deposits are kept after 24 hours.' },
    });
    expect(await refusal(accept({}))).toMatchObject({
      status: 409,
      details: { reason: 'TERMS_CHANGED' },
    });

    // Two at once: one acceptance, the other 409.
    const attempts = await Promise.allSettled([
      accept({ termsVersion: 2 }),
      accept({ termsVersion: 2 }),
      accept({ termsVersion: 2 }),
    ]);
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter(
      (a): a is PromiseRejectedResult => a.status === 'rejected',
    ))
      expect(attempt.reason).toMatchObject({
        status: 409,
        details: { reason: 'ALREADY_ACCEPTED' },
      });
    const { rows } = await w.client.query('SELECT count(*)::int AS n FROM "TermsAcceptance"');
    expect(rows[0].n).toBe(1);

    // A lapsed hold says so.
    await w.client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 minute' WHERE id = $1`,
      [other.id],
    );
    expect(
      await refusal(
        acceptProposal({
          reference: other.reference,
          input: {
            token: tokenOf(other.proposalUrl),
            name: 'Pat',
            agree: true,
            termsVersion: 2,
            proposalVersion: 1,
            totalCents: other.totalCents,
          },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'HOLD_EXPIRED' } });
  });

  it('asks again after staff change an accepted price; moves and the customer’s own changes keep it', async () => {
    await insertMenu(w.client, w.stationId, HIBACHI_MENU);
    const booking = await phoneOrder();
    const token = tokenOf(booking.proposalUrl);
    await acceptProposal({
      reference: booking.reference,
      input: {
        token,
        name: 'Pat Phone',
        agree: true,
        termsVersion: 1,
        proposalVersion: 1,
        totalCents: booking.totalCents,
      },
    });
    await recordOfflinePayment({
      scope: w.staff,
      bookingId: booking.id,
      input: { amountCents: 10_000, method: 'CASH' },
    });
    let detail = await getStaffBooking({ scope: w.staff, bookingId: booking.id });
    const moved = await rescheduleBooking({
      scope: w.staff,
      bookingId: booking.id,
      input: { date: daysAhead(20), time: '17:00', version: detail.version },
    });
    expect(
      (await getStaffBooking({ scope: w.staff, bookingId: booking.id })).proposal,
    ).toMatchObject({ version: 1, needsAcceptance: false });

    // The customer's own change: same version (their change is their agreement).
    const before = await getCustomerBooking({ reference: booking.reference, proof: { token } });
    const mine = await changeCustomerMenu({
      reference: booking.reference,
      input: { token, adults: 15, children: 0, menu: [], version: before.version },
    });
    expect(mine.proposal).toMatchObject({ version: 1, needsAcceptance: false });

    // Staff's change: version 2 to accept; the first acceptance stays in the history.
    const staffChange = await changeBookingMenuAsStaff({
      scope: w.staff,
      bookingId: booking.id,
      input: { adults: 16, children: 0, menu: [], version: mine.version },
    });
    detail = await getStaffBooking({ scope: w.staff, bookingId: booking.id });
    expect(detail.proposal).toMatchObject({
      version: 2,
      needsAcceptance: true,
      acceptances: [{ proposalVersion: 1 }],
    });
    expect(staffChange.totalCents).toBe(16 * 5_000 - 8_000);
    expect(moved.moved).toBe(true);

    const surcharge = await adjustBookingPrice({
      scope: w.staff,
      bookingId: booking.id,
      input: {
        kind: 'SURCHARGE',
        amountCents: 2_500,
        label: 'Late finish',
        reason: 'Asked for an extra hour',
        version: detail.version,
      },
    });
    expect(surcharge).toMatchObject({ totalCents: 16 * 5_000 - 8_000 + 2_500, proposalVersion: 2 });
    await acceptProposal({
      reference: booking.reference,
      input: {
        token,
        name: 'Pat Phone',
        agree: true,
        termsVersion: 1,
        proposalVersion: 2,
        totalCents: surcharge.totalCents,
      },
    });
    const { rows } = await w.client.query(
      `SELECT kind FROM "OutboxMessage" WHERE "bookingId" = $1 AND kind = 'PROPOSAL_SENT'`,
      [booking.id],
    );
    // One for staff's menu change (version 2 to accept), one for the surcharge.
    expect(rows).toHaveLength(2);
    expect((await sendProposal({ scope: w.staff, bookingId: booking.id })).sent).toBe(true);
    // Accepting moved the booking's version: a change read before it is refused as stale.
    expect(
      await refusal(
        adjustBookingPrice({
          scope: w.staff,
          bookingId: booking.id,
          input: { kind: 'DISCOUNT', percent: 5, reason: 'Too late', version: surcharge.version },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
    const current = await getStaffBooking({ scope: w.staff, bookingId: booking.id });
    expect(
      await refusal(
        adjustBookingPrice({
          scope: w.staff,
          bookingId: booking.id,
          input: { kind: 'DISCOUNT', percent: 100, reason: 'Free', version: current.version },
        }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'BELOW_PAID' } });
  });

  it('records the terms an online customer ticked, and refuses terms that changed meanwhile', async () => {
    const online = await createBooking({
      input: bookingInput({ acceptTerms: { version: 1 } }),
      clientAddress: '198.51.100.4',
    });
    const { reference, manageUrl } = online.body as { reference: string; manageUrl: string };
    const seen = await getCustomerBooking({ reference, proof: { token: tokenOf(manageUrl) } });
    expect(seen.source).toBe('WEBSITE');
    expect(seen.proposal).toMatchObject({
      version: 1,
      needsAcceptance: false,
      acceptances: [{ name: 'Jo Tester', termsVersion: 1 }],
    });
    await publishTerms({
      scope: w.manager,
      slug: STATION,
      input: { body: 'Version two of the terms of booking.' },
    });
    expect(
      await refusal(createBooking({ input: bookingInput({ acceptTerms: { version: 1 } }) })),
    ).toMatchObject({ status: 409, details: { reason: 'TERMS_CHANGED' } });
    // Older clients send none: booked, nothing recorded, nothing asked.
    const older = await createBooking({ input: bookingInput() });
    const plain = older.body as { reference: string; manageUrl: string };
    expect(
      (
        await getCustomerBooking({
          reference: plain.reference,
          proof: { token: tokenOf(plain.manageUrl) },
        })
      ).proposal,
    ).toEqual({ version: 1, needsAcceptance: false, acceptances: [] });
  });

  it('lets managers set the deposit, never above the total; staff may not', async () => {
    expect(
      await refusal(
        createStaffBooking({ scope: w.staff, input: bookingInput({ depositCents: 5_000 }) }),
      ),
    ).toMatchObject({ status: 403 });
    const set = (
      await createStaffBooking({ scope: w.manager, input: bookingInput({ depositCents: 5_000 }) })
    ).body as { depositCents: number };
    expect(set.depositCents).toBe(5_000);
    const free = (
      await createStaffBooking({
        scope: w.manager,
        input: bookingInput({
          date: daysAhead(12),
          adjustments: [{ kind: 'DISCOUNT', percent: 100, reason: 'Charity auction prize' }],
        }),
      })
    ).body as { totalCents: number; depositCents: number };
    expect(free).toMatchObject({ totalCents: 0, depositCents: 0 });
    // Nothing to pay first: accepting the proposal confirms it.
    const freeBooking = free as unknown as Staffed;
    const confirmed = await acceptProposal({
      reference: freeBooking.reference,
      input: {
        token: tokenOf(freeBooking.proposalUrl),
        name: 'Charity Winner',
        agree: true,
        termsVersion: 1,
        proposalVersion: 1,
        totalCents: 0,
      },
    });
    expect(confirmed.status).toBe('CONFIRMED');
    // A reason counted as the database counts it: two emoji are two characters, not four.
    expect(
      await refusal(
        createStaffBooking({
          scope: w.staff,
          input: bookingInput({ adjustments: [{ kind: 'DISCOUNT', percent: 10, reason: '😀😀' }] }),
        }),
      ),
    ).toMatchObject({ status: 400, details: { 'adjustments.0.reason': expect.any(Array) } });
    expect(
      await refusal(
        createStaffBooking({
          scope: w.staff,
          input: bookingInput({
            adjustments: [{ kind: 'DISCOUNT', percent: 10, amountCents: 100, reason: 'Both' }],
          }),
        }),
      ),
    ).toMatchObject({ status: 400 });
    expect(
      await refusal(
        createStaffBooking({
          scope: w.staff,
          input: bookingInput({ adjustments: [{ kind: 'DISCOUNT', percent: 10 }] }),
        }),
      ),
    ).toMatchObject({ status: 400, details: { 'adjustments.0.reason': expect.any(Array) } });
  });

  it('counts the discounts and surcharges given, per station and staff member', async () => {
    const booking = await phoneOrder();
    await recordOfflinePayment({
      scope: w.staff,
      bookingId: booking.id,
      input: { amountCents: 10_000, method: 'CASH' },
    });
    await phoneOrder({ date: daysAhead(13) }); // held, not confirmed: not counted
    const figures = await getAdjustmentAnalytics({
      scope: w.manager,
      query: { from: daysAhead(0), to: daysAhead(30) },
    });
    expect(figures).toMatchObject({
      bookings: 1,
      discountCents: 7_000,
      surchargeCents: 0,
      byStaff: [
        { staffId: w.staff.staffId, name: 'Staff Member', discounts: 1, discountCents: 7_000 },
      ],
    });
    expect(
      await refusal(
        getAdjustmentAnalytics({
          scope: w.staff,
          query: { from: daysAhead(0), to: daysAhead(30), station: 'other-station' },
        }),
      ),
    ).toMatchObject({ status: 404 });
  });

  it('erases the typed name and the address hash with the customer', async () => {
    const booking = await phoneOrder();
    await acceptProposal({
      reference: booking.reference,
      input: {
        token: tokenOf(booking.proposalUrl),
        name: 'Robin Private',
        agree: true,
        termsVersion: 1,
        proposalVersion: 1,
        totalCents: booking.totalCents,
      },
      clientAddress: '198.51.100.77',
    });
    await w.client.query(
      `UPDATE "Booking" SET status = 'COMPLETED', "startsAt" = now() - interval '10 days',
              "endsAt" = now() - interval '9 days', "blockedUntil" = now() - interval '9 days'
        WHERE id = $1`,
      [booking.id],
    );
    const { rows } = await w.client.query('SELECT "customerId" FROM "Booking" WHERE id = $1', [
      booking.id,
    ]);
    await eraseCustomer({
      scope: w.admin,
      customerId: rows[0].customerId,
      input: { confirm: 'ERASE' },
    });
    const detail = await getStaffBooking({ scope: w.staff, bookingId: booking.id });
    expect(detail.proposal.acceptances[0]?.name).toBe(ERASED_NAME);
    const after = await w.client.query(
      `SELECT "clientAddressHash" FROM "TermsAcceptance" WHERE "bookingId" = $1`,
      [booking.id],
    );
    expect(after.rows[0].clientAddressHash).toBeNull();
  });

  it('sends the confirmation without its PDF when the PDF cannot be made', async () => {
    const booking = await phoneOrder();
    await sendProposal({ scope: w.staff, bookingId: booking.id });
    const received: SinkMessage[] = [];
    const smtp = await startSmtpSink((message) => {
      received.push(message);
      return undefined;
    });
    const transport = createSmtpTransport(smtp.url);
    const failing = () => Promise.reject(new Error('the renderer fell over'));
    const result = await deliverDueEmails({ transport, attachmentsFor: failing });
    transport.close();
    await smtp.close();
    expect(result.sent).toBeGreaterThanOrEqual(2);
    expect(received.length).toBe(result.sent);
  });
});
