import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { heldBooking, payWithSimulator } from '../../test/booking-fixtures';
import { insertChef } from '../../test/factories';
import { setUpStaffWorkspace, type StaffWorkspace } from '../../test/staff-workspace';
import type { StaffScope } from '../auth/staff-scope';
import { getAdjustmentAnalytics } from '../analytics';
import { getStaffAvailability } from '../availability';
import { getStaffTermsVersion, getTermsHistory, publishTerms } from '../terms';
import { quoteForStaff } from '../pricing';
import {
  adjustBookingPrice,
  changeBookingMenuAsStaff,
  completeMyEvent,
  sendProposal,
  createStaffBooking,
  findBookingCustomer,
  getCalendar,
  getMyEvents,
  getStaffBooking,
  listStaffBookings,
  markBookingOutcome,
  rescheduleBooking,
  startMyEvent,
  updateBookingNotes,
} from '../bookings';
import { listOutbox, retryOutboxMessage } from '../notifications';
import { recordOfflinePayment } from '../payments';
import {
  clearStationDate,
  createTimeOff,
  deleteTimeOff,
  getSeason,
  regenerateChefFeed,
  setStationDate,
  setWeeklyOff,
  updateTimeOff,
} from '../season';
import {
  activateStaff,
  createStaff,
  deactivateStaff,
  listStaff,
  resetStaffPassword,
  unlockStaff,
  updateStaff,
} from '../staff';
import {
  activateChef,
  activateStation,
  createChef,
  createStation,
  deactivateChef,
  deactivateStation,
  listChefs,
  listStationsAdmin,
  updateChef,
} from '../stations';
import { addDays, todayInTimeZone } from '../time';
import { ADMIN_API } from './admin-api';

type JsonOperation = {
  [Name in keyof typeof ADMIN_API]: (typeof ADMIN_API)[Name] extends { responseType: string }
    ? never
    : Name;
}[keyof typeof ADMIN_API];

const checked = new Set<string>();

/**
 * The answer as the client receives it (through JSON) against its operation's schema: every
 * field the schema names is there with its type, and nothing is there that the schema leaves
 * out (its parse keeps only what it describes, so the two must be equal).
 */
function expectAnswer(name: JsonOperation, answer: unknown): void {
  const received: unknown = JSON.parse(JSON.stringify(answer));
  const parsed = ADMIN_API[name].response.safeParse(received);
  expect(parsed.error?.issues ?? [], name).toEqual([]);
  expect(parsed.data, `${name}: fields the schema does not describe`).toEqual(received);
  checked.add(name);
}

const TZ = 'America/New_York';
const localDay = (days: number) => addDays(todayInTimeZone(TZ), days);

describe('the staff use cases answer what their operations’ schemas say', () => {
  let workspace: StaffWorkspace;
  let client: pg.Client;
  let manager: StaffScope;
  let admin: StaffScope;

  beforeAll(async () => {
    workspace = await setUpStaffWorkspace();
    ({ client, manager, admin } = workspace);
  });
  afterAll(() => client.end());

  it('bookings: a paid booking read, listed, paid, noted, moved, re-menued and on the calendar', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    await workspace.bookings(2);
    const page = await listStaffBookings({ scope: manager, query: { limit: '1' } });
    expect(page.nextCursor).not.toBeNull();
    expectAnswer('bookings', page);
    const found = await listStaffBookings({ scope: manager, query: { q: reference } });
    const id = found.items[0]?.id ?? '';

    const payment = await recordOfflinePayment({
      scope: manager,
      bookingId: id,
      input: { amountCents: 2_500, method: 'CASH', note: 'At the door' },
    });
    expectAnswer('recordPayment', payment.body);
    const paid = await getStaffBooking({ scope: manager, bookingId: id });
    const notes = await updateBookingNotes({
      scope: manager,
      bookingId: id,
      input: { notes: 'Gate code 1234', version: paid.version },
    });
    expectAnswer('saveNotes', notes);
    const moved = await rescheduleBooking({
      scope: manager,
      bookingId: id,
      input: { date: localDay(12), time: '17:00', version: notes.version },
    });
    expect(moved.moved).toBe(true);
    expectAnswer('reschedule', moved);
    const menu = await changeBookingMenuAsStaff({
      scope: manager,
      bookingId: id,
      input: { adults: 10, children: 0, menu: [], version: moved.version },
    });
    expectAnswer('changeMenu', menu);

    const detail = await getStaffBooking({ scope: manager, bookingId: id });
    expect(detail.audit.length).toBeGreaterThan(2);
    expect(detail.payments.length).toBe(2);
    expect(detail.emails.length).toBeGreaterThan(0);
    expectAnswer('booking', detail);
    expectAnswer(
      'calendar',
      await getCalendar({ scope: manager, query: { from: localDay(0), to: localDay(20) } }),
    );
  });

  it('a phone order: the day, the quote, the returning customer and the booking', async () => {
    const date = localDay(25);
    expectAnswer(
      'staffAvailability',
      await getStaffAvailability({ scope: manager, query: { station: 'test-station', date } }),
    );
    expectAnswer(
      'staffQuote',
      await quoteForStaff({ scope: manager, input: { station: 'test-station', adults: 14 } }),
    );
    const customer = {
      name: 'Phon Order',
      email: 'phone.order@example.com',
      phone: '+1 555 010 7777',
    };
    const created = await createStaffBooking({
      scope: manager,
      input: {
        station: 'test-station',
        date,
        time: '18:00',
        adults: 14,
        customer,
        address: { line1: '1 Main St', city: 'Springfield', postalCode: '10001' },
      },
    });
    expectAnswer('createBooking', created.body);
    const { id, reference } = created.body as { id: string; reference: string };
    const detail = await getStaffBooking({ scope: manager, bookingId: id });
    const adjusted = await adjustBookingPrice({
      scope: manager,
      bookingId: id,
      input: { kind: 'DISCOUNT', percent: 10, reason: 'Corporate rate', version: detail.version },
    });
    expectAnswer('adjustPrice', adjusted);
    expectAnswer('sendProposal', await sendProposal({ scope: manager, bookingId: id }));
    expectAnswer('booking', await getStaffBooking({ scope: manager, bookingId: id }));
    expect(reference).toMatch(/^HB-/);
    const terms = await publishTerms({
      scope: manager,
      slug: 'test-station',
      input: { body: 'Deposits are refunded up to two days before the event.' },
    });
    expectAnswer('publishTerms', terms);
    expectAnswer('termsHistory', await getTermsHistory({ scope: manager, slug: 'test-station' }));
    expectAnswer(
      'termsVersion',
      await getStaffTermsVersion({ scope: manager, slug: 'test-station', version: '1' }),
    );
    expectAnswer(
      'adjustmentAnalytics',
      await getAdjustmentAnalytics({
        scope: manager,
        query: { from: localDay(0), to: localDay(60) },
      }),
    );
    const found = await findBookingCustomer({
      scope: manager,
      query: { station: 'test-station', email: customer.email },
    });
    expect(found.customer?.bookings).toBe(1);
    expectAnswer('bookingCustomer', found);
    expectAnswer(
      'bookingCustomer',
      await findBookingCustomer({
        scope: manager,
        query: { station: 'test-station', phone: '+1 555 010 0000' },
      }),
    );
  });

  it('an outcome once an event has started', async () => {
    const [id = ''] = await workspace.bookings(1, { firstDay: 3 });
    const detail = await getStaffBooking({ scope: manager, bookingId: id });
    const later = new Date(Date.parse(detail.startsAt) + 3_600_000);
    expectAnswer(
      'markOutcome',
      await markBookingOutcome({
        scope: manager,
        bookingId: id,
        input: { status: 'COMPLETED', version: detail.version },
        now: later,
      }),
    );
  });

  it('the outbox and a retried e-mail', async () => {
    await heldBooking();
    const outbox = await listOutbox({ scope: manager, query: {} });
    expect(outbox.items.length).toBeGreaterThan(0);
    expectAnswer('outbox', outbox);
    const [email] = outbox.items;
    await client.query(
      `UPDATE "OutboxMessage" SET status = 'FAILED', "lastError" = 'refused' WHERE id = $1`,
      [email?.id],
    );
    expectAnswer(
      'retryEmail',
      await retryOutboxMessage({ scope: manager, messageId: email?.id ?? '' }),
    );
  });

  it('stations and chefs, opened, closed, added, renamed, moved off and back', async () => {
    const station = await createStation({
      scope: admin,
      input: { slug: 'answers-station', name: 'Answers', timezone: TZ },
    });
    expectAnswer('createStation', station);
    await insertChef(client, station.id, 'First Chef');
    expectAnswer('activateStation', await activateStation({ scope: admin, slug: station.slug }));
    expectAnswer(
      'deactivateStation',
      await deactivateStation({ scope: admin, slug: station.slug }),
    );
    expectAnswer('stations', await listStationsAdmin({ scope: admin }));

    const chef = await createChef({
      scope: manager,
      slug: 'test-station',
      input: { name: 'Third Chef', color: '#336699' },
    });
    expectAnswer('createChef', chef);
    expectAnswer(
      'updateChef',
      await updateChef({ scope: manager, chefId: chef.id, input: { name: 'Chef Three' } }),
    );
    await workspace.bookings(1, { firstDay: 40 });
    const busy = workspace.chefIds[0] ?? '';
    const off = await deactivateChef({
      scope: manager,
      chefId: busy,
      input: { reassign: true },
    });
    expect(off.moved.length).toBeGreaterThan(0);
    expectAnswer('deactivateChef', off);
    expectAnswer('activateChef', await activateChef({ scope: manager, chefId: busy }));
    expectAnswer('chefs', await listChefs({ scope: manager, slug: 'test-station' }));
    expectAnswer(
      'regenerateChefFeed',
      await regenerateChefFeed({ scope: manager, chefId: chef.id }),
    );
  });

  it('a season: time off, weekly days off and a date rule', async () => {
    const chefId = workspace.chefIds[1] ?? '';
    const entry = await createTimeOff({
      scope: manager,
      slug: 'test-station',
      input: { kind: 'DAYS', chefId, from: localDay(80), to: localDay(81), note: 'Away' },
    });
    expectAnswer('createTimeOff', entry);
    expectAnswer(
      'updateTimeOff',
      await updateTimeOff({
        scope: manager,
        timeOffId: entry.entry.id,
        input: { kind: 'HOURS', chefId, date: localDay(82), from: '12:00', to: '15:00' },
      }),
    );
    expectAnswer(
      'setWeeklyOff',
      await setWeeklyOff({ scope: manager, chefId, input: { weekdays: [], note: null } }),
    );
    expectAnswer(
      'setStationDate',
      await setStationDate({
        scope: manager,
        slug: 'test-station',
        date: localDay(90),
        input: { closed: false, firstStart: '12:00', lastStart: '18:00', note: 'Short day' },
      }),
    );
    expectAnswer(
      'season',
      await getSeason({
        scope: manager,
        slug: 'test-station',
        query: { from: localDay(70), to: localDay(100) },
      }),
    );
    expectAnswer(
      'clearStationDate',
      await clearStationDate({ scope: manager, slug: 'test-station', date: localDay(90) }),
    );
    expectAnswer(
      'deleteTimeOff',
      await deleteTimeOff({ scope: manager, timeOffId: entry.entry.id }),
    );
  });

  it('staff accounts: listed, created with a link, changed, locked out and back', async () => {
    const created = await createStaff({
      scope: admin,
      input: {
        email: 'answers.staff@test.example',
        name: 'Ann Answers',
        role: 'STAFF',
        station: 'test-station',
      },
    });
    expectAnswer('createStaff', created);
    const accountId = created.account.id;
    expectAnswer(
      'updateStaff',
      await updateStaff({
        scope: admin,
        accountId,
        input: { role: 'MANAGER', station: 'test-station' },
      }),
    );
    expectAnswer('deactivateStaff', await deactivateStaff({ scope: admin, accountId }));
    expectAnswer('activateStaff', await activateStaff({ scope: admin, accountId }));
    await client.query(
      `UPDATE "StaffUser" SET "lockedUntil" = now() + interval '1 hour', "lastLoginAt" = now() WHERE id = $1`,
      [accountId],
    );
    expectAnswer('staffAccounts', await listStaff({ scope: admin }));
    expectAnswer('unlockStaff', await unlockStaff({ scope: admin, accountId }));
    expectAnswer('resetStaffPassword', await resetStaffPassword({ scope: admin, accountId }));
  });

  it('a chef account: its events, one started and completed', async () => {
    const chefId = await insertChef(client, workspace.stationId, 'Chef With Account');
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "StaffUser" (email, name, "passwordHash", role, "stationId", "chefId", "updatedAt")
       VALUES ('answers.chef@test.example', 'Chef With Account', 'x', 'CHEF', $1, $2, now()) RETURNING id`,
      [workspace.stationId, chefId],
    );
    await client.query(`UPDATE "Station" SET "chefsMayComplete" = true WHERE id = $1`, [
      workspace.stationId,
    ]);
    const chef: StaffScope = {
      staffId: rows[0]?.id ?? '',
      role: 'CHEF',
      stationId: workspace.stationId,
      chefId,
    };
    const [id = ''] = await workspace.bookings(1, { firstDay: 2 });
    await client.query(`UPDATE "Booking" SET "chefId" = $1 WHERE id = $2`, [chefId, id]);
    const events = await getMyEvents({ scope: chef });
    expect(events.events.map((event) => event.id)).toContain(id);
    expectAnswer('myEvents', events);
    const { startsAt, version } = await getStaffBooking({ scope: manager, bookingId: id });
    const started = await startMyEvent({
      scope: chef,
      bookingId: id,
      input: { version },
      now: new Date(Date.parse(startsAt) + 60_000),
    });
    expectAnswer('startMyEvent', started);
    expectAnswer(
      'completeMyEvent',
      await completeMyEvent({
        scope: chef,
        bookingId: id,
        input: { version: started.version },
        now: new Date(Date.parse(startsAt) + 3_600_000),
      }),
    );
  });

  it('covered every operation whose schema the answer commit added', () => {
    expect([...checked].sort()).toEqual(
      [
        'activateChef',
        'adjustPrice',
        'adjustmentAnalytics',
        'activateStaff',
        'activateStation',
        'booking',
        'bookingCustomer',
        'bookings',
        'calendar',
        'changeMenu',
        'chefs',
        'clearStationDate',
        'completeMyEvent',
        'createBooking',
        'createChef',
        'createStaff',
        'createStation',
        'createTimeOff',
        'deactivateChef',
        'deactivateStaff',
        'deactivateStation',
        'deleteTimeOff',
        'markOutcome',
        'myEvents',
        'publishTerms',
        'outbox',
        'recordPayment',
        'regenerateChefFeed',
        'reschedule',
        'resetStaffPassword',
        'retryEmail',
        'saveNotes',
        'season',
        'sendProposal',
        'setStationDate',
        'setWeeklyOff',
        'staffAccounts',
        'staffAvailability',
        'staffQuote',
        'startMyEvent',
        'stations',
        'termsHistory',
        'termsVersion',
        'unlockStaff',
        'updateChef',
        'updateStaff',
        'updateTimeOff',
      ].sort(),
    );
  });
});
