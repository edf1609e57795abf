import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { addressFor, bookingBody, expect, openSlot, test, timeLabel } from '../fixtures';
import { CUSTOMER_PORT } from '../ports';
import { manager, signIn, staff } from './admin-fixtures';

// An admin in London looking at a US West Coast station: the calendar must show the station's times.
test.use({ timezoneId: 'Europe/London' });

const STATION = 'seattle';
const ZONE = 'America/Los_Angeles';

type Booked = { id: string; reference: string; date: string; time: string };
type CalendarData = {
  chefs: { id: string; name: string }[];
  events: {
    id: string;
    time: string;
    date: string;
    durationMinutes: number;
    chef: { id: string; name: string };
    version: number;
  }[];
};

/** `count` held bookings at the same open time (with `count + extra` chefs free there), found through the customer API. */
async function bookTogether(
  admin: APIRequestContext,
  count: number,
  fromDays: number,
  extra = 1,
): Promise<Booked[]> {
  const customer = await playwrightRequest.newContext({
    baseURL: `http://localhost:${CUSTOMER_PORT}`,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`calendar:${Math.random()}`) },
  });
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const slot = await openSlot(customer, STATION, ZONE, fromDays + attempt * 3, count + extra);
    const booked: Booked[] = [];
    for (let index = 0; index < count; index += 1) {
      const response = await customer.post('/api/bookings', {
        data: bookingBody({ station: STATION, ...slot }),
        headers: { 'X-Forwarded-For': addressFor(`calendar:${Math.random()}`) },
      });
      if (response.status() !== 201) break;
      const { reference } = (await response.json()).data as { reference: string };
      const found = await admin.get(`/api/admin/bookings?q=${reference}`);
      booked.push({ id: (await found.json()).data.items[0].id, reference, ...slot });
    }
    if (booked.length === count) {
      await customer.dispose();
      return booked;
    }
  }
  throw new Error('could not book together');
}

async function calendarOn(admin: APIRequestContext, date: string): Promise<CalendarData> {
  return (await (await admin.get(`/api/admin/calendar?from=${date}&to=${date}`)).json())
    .data as CalendarData;
}

const eventOf = (page: Page, reference: string) =>
  page.locator('.rbc-event').filter({ hasText: reference });

/** Presses on the event a little below its top edge (the bottom edge resizes) and drops it at (dx, dy) from there. */
async function drag(
  page: Page,
  reference: string,
  to: (box: { x: number; y: number; width: number; height: number }) => { x: number; y: number },
) {
  const box = (await eventOf(page, reference).boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + 12 };
  const target = to(box);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + 6, { steps: 3 });
  await page.mouse.move(target.x, target.y, { steps: 12 });
  await page.mouse.up();
}

async function slotHeight(page: Page): Promise<number> {
  return (await page.locator('.rbc-day-slot .rbc-time-slot').first().boundingBox())!.height;
}

const plusMinutes = (time: string, minutes: number) => {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  const total = hours * 60 + mins + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

test.describe('calendar', () => {
  test('shows station times to a London browser; a drag moves a booking, persists, is audited and e-mailed, and Undo puts it back', async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    const [booking] = await bookTogether(page.request, 1, 20, 2);
    await page.goto(`/calendar?date=${booking!.date}`);
    await expect(page.getByText('times in Pacific Time')).toBeVisible();
    const event = eventOf(page, booking!.reference);
    await expect(event.locator('.rbc-event-label')).toContainText(timeLabel(booking!.time));

    const target = plusMinutes(booking!.time, booking!.time >= '20:00' ? -60 : 60);
    const slot = await slotHeight(page);
    const minutes = target > booking!.time ? 60 : -60;
    await drag(page, booking!.reference, (box) => ({
      x: box.x + box.width / 2,
      y: box.y + 12 + (minutes / 15 + 0.4) * slot,
    }));
    await expect(
      page.getByRole('status').filter({ hasText: `${booking!.reference} moved to` }),
    ).toBeVisible();
    await expect(event.locator('.rbc-event-label')).toContainText(timeLabel(target));

    await page.reload();
    await expect(eventOf(page, booking!.reference).locator('.rbc-event-label')).toContainText(
      timeLabel(target),
    );
    const detail = (await (await page.request.get(`/api/admin/bookings/${booking!.id}`)).json())
      .data;
    expect(detail.time).toBe(target);
    expect(detail.audit.map((entry: { action: string }) => entry.action)).toContain(
      'booking.rescheduled',
    );
    expect(detail.emails.map((email: { kind: string }) => email.kind)).toContain(
      'BOOKING_RESCHEDULED',
    );
    const outbox = (await (await page.request.get('/api/admin/outbox?limit=50')).json()).data
      .items as { subject: string }[];
    expect(outbox.map((email) => email.subject)).toContain(
      `Your hibachi booking ${booking!.reference} has moved`,
    );

    // Move again, then Undo with the keyboard.
    await drag(page, booking!.reference, (box) => ({
      x: box.x + box.width / 2,
      y: box.y + 12 + (-minutes / 15 + 0.4) * slot,
    }));
    await expect(page.getByRole('status').filter({ hasText: 'moved to' })).toBeVisible();
    await expect(eventOf(page, booking!.reference).locator('.rbc-event-label')).toContainText(
      timeLabel(booking!.time),
    );
    await page.keyboard.press('Control+z');
    await expect(
      page.getByRole('status').filter({ hasText: `${booking!.reference} is back at` }),
    ).toBeVisible();
    await expect(eventOf(page, booking!.reference).locator('.rbc-event-label')).toContainText(
      timeLabel(target),
    );
    expect(
      (await (await page.request.get(`/api/admin/bookings/${booking!.id}`)).json()).data.time,
    ).toBe(target);
  });

  test('day by chef: a drop on a busy chef snaps back with the reason; a drop on a free chef reassigns', async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    const [first, second] = await bookTogether(page.request, 2, 26, 2);
    const data = await calendarOn(page.request, first!.date);
    const chefOf = (id: string) => data.events.find((event) => event.id === id)!.chef;
    const busyChef = chefOf(second!.id);
    // Free: none of the chef's events (plus the 60-minute travel buffer) overlaps the booking's window.
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    const start = minutes(first!.time);
    const freeChef = data.chefs.find(
      (chef) =>
        !data.events.some(
          (event) =>
            event.chef.id === chef.id &&
            minutes(event.time) < start + 120 + 60 &&
            start < minutes(event.time) + event.durationMinutes + 60,
        ),
    )!;
    expect(freeChef).toBeDefined();
    await page.goto(`/calendar?date=${first!.date}&view=day`);
    const columns = page.locator('.rbc-time-content .rbc-day-slot');
    const column = async (chefId: string) =>
      (await columns.nth(data.chefs.findIndex((chef) => chef.id === chefId)).boundingBox())!;

    const busyColumn = await column(busyChef.id);
    await drag(page, first!.reference, (box) => ({
      x: busyColumn.x + busyColumn.width / 2,
      y: box.y + 12,
    }));
    await expect(
      page.getByRole('status').filter({ hasText: `${busyChef.name} is busy` }),
    ).toBeVisible();
    const original = await column(chefOf(first!.id).id);
    const afterRefusal = (await eventOf(page, first!.reference).boundingBox())!;
    expect(afterRefusal.x).toBeGreaterThanOrEqual(original.x - 1);
    expect(afterRefusal.x).toBeLessThan(original.x + original.width);

    const freeColumn = await column(freeChef.id);
    await drag(page, first!.reference, (box) => ({
      x: freeColumn.x + freeColumn.width / 2,
      y: box.y + 12,
    }));
    await expect(
      page.getByRole('status').filter({ hasText: `with ${freeChef.name}` }),
    ).toBeVisible();
    const moved = (await (await page.request.get(`/api/admin/bookings/${first!.id}`)).json()).data;
    expect(moved.chef.id).toBe(freeChef.id);
    expect(moved.time).toBe(first!.time);
  });

  test('day by chef: a chef marked off by selecting their hours is hatched, and a drop onto them snaps back saying so', async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    // A booking, and another chef with nothing within two hours of it that day (time off may
    // not cover their events; whether a chef is free all day depends on the seed and the date).
    const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
    let found: { booking: Booked; data: CalendarData; away: { id: string; name: string } } | null =
      null;
    for (let attempt = 0; attempt < 4 && !found; attempt += 1) {
      const [candidate] = await bookTogether(page.request, 1, 40 + attempt * 7, 2);
      const day = await calendarOn(page.request, candidate!.date);
      const start = minutes(candidate!.time);
      const end = start + day.events.find((event) => event.id === candidate!.id)!.durationMinutes;
      const ownChef = day.events.find((event) => event.id === candidate!.id)!.chef;
      const free = day.chefs.find(
        (chef) =>
          chef.id !== ownChef.id &&
          !day.events.some(
            (event) =>
              event.chef.id === chef.id &&
              event.date === candidate!.date &&
              minutes(event.time) < end + 120 &&
              minutes(event.time) + event.durationMinutes > start - 120,
          ),
      );
      if (free) found = { booking: candidate!, data: day, away: free };
    }
    expect(found, 'a chef free around a booking').not.toBeNull();
    const { booking, data, away } = found!;
    const own = data.events.find((event) => event.id === booking.id)!.chef;
    await page.goto(`/calendar?date=${booking!.date}&view=day`);
    const columns = page.locator('.rbc-time-content .rbc-day-slot');
    const index = data.chefs.findIndex((chef) => chef.id === away.id);
    const awayColumn = (await columns.nth(index).boundingBox())!;
    const event = (await eventOf(page, booking!.reference).boundingBox())!;
    const slot = await slotHeight(page);
    // Select the event's two hours and its hour of travel on the other chef's column.
    const x = awayColumn.x + awayColumn.width / 2;
    await page.mouse.move(x, event.y + 2);
    await page.mouse.down();
    await page.mouse.move(x, event.y + event.height / 2, { steps: 4 });
    await page.mouse.move(x, event.y + event.height + 4 * slot - 2, { steps: 8 });
    await page.mouse.up();
    // The selection offers a new booking there or time off.
    const choice = page.getByRole('dialog', { name: new RegExp(`^${away.name},`) });
    await expect(choice.getByRole('link', { name: /^New booking for/ })).toBeVisible();
    await choice.getByRole('button', { name: `Time off for ${away.name}…` }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark a chef off' });
    await expect(dialog).toContainText(away.name);
    await dialog.getByLabel('Note (optional)').fill('Sick');
    await dialog.getByRole('button', { name: 'Mark off' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${away.name} is off` })).toBeVisible();
    try {
      await expect(columns.nth(index).locator('.chef-off').first()).toHaveAttribute(
        'title',
        `${away.name} is off (Sick)`,
      );
      await drag(page, booking!.reference, (box) => ({
        x: awayColumn.x + awayColumn.width / 2,
        y: box.y + 12,
      }));
      await expect(
        page.getByRole('status').filter({ hasText: `${away.name} is off then (Sick)` }),
      ).toBeVisible();
      const detail = (await (await page.request.get(`/api/admin/bookings/${booking!.id}`)).json())
        .data;
      expect(detail.chef.id).toBe(own.id);
    } finally {
      const season = (await (
        await page.request.get(
          `/api/admin/stations/${STATION}/season?from=${booking!.date}&to=${booking!.date}`,
        )
      ).json()) as { data: { timeOff: { id: string; chefId: string }[] } };
      for (const entry of season.data.timeOff.filter((row) => row.chefId === away.id))
        await page.request.delete(`/api/admin/time-off/${entry.id}`);
    }
  });

  test('resizing changes the duration', async ({ page }) => {
    await signIn(page, manager(STATION));
    const [booking] = await bookTogether(page.request, 1, 32, 2);
    await page.goto(`/calendar?date=${booking!.date}`);
    const event = eventOf(page, booking!.reference);
    await event.hover();
    const box = (await event.boundingBox())!;
    const slot = await slotHeight(page);
    const anchor = event.locator('.rbc-addons-dnd-resize-ns-anchor').last();
    const handle = (await anchor.boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 6, { steps: 3 });
    await page.mouse.move(handle.x + handle.width / 2, box.y + box.height + 4.5 * slot, {
      steps: 12,
    });
    await page.mouse.up();
    await expect(
      page.getByRole('status').filter({ hasText: `${booking!.reference} moved to` }),
    ).toBeVisible();
    const detail = (await (await page.request.get(`/api/admin/bookings/${booking!.id}`)).json())
      .data;
    expect(detail.durationMinutes).toBe(180);
    expect(detail.time).toBe(booking!.time);
  });

  test('month view: a booking dragged to another day keeps its time and stays there after a reload', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 1600 });
    await signIn(page, manager(STATION));
    const [booking] = await bookTogether(page.request, 1, 47, 2);
    await page.goto(`/calendar?view=month&date=${booking!.date}`);
    const chip = page.locator('.rbc-month-view .rbc-event').filter({ hasText: booking!.reference });
    await expect(chip).toBeVisible();
    // One day later, unless the booking is on the week's last column (then one day earlier).
    const weekday = new Date(`${booking!.date}T12:00:00Z`).getUTCDay();
    const days = weekday === 0 ? -1 : 1;
    const cell = (await page.locator('.rbc-month-row .rbc-day-bg').first().boundingBox())!.width;
    await drag(page, booking!.reference, (box) => ({
      x: box.x + box.width / 2 + days * cell,
      y: box.y + 12,
    }));
    await expect(
      page.getByRole('status').filter({ hasText: `${booking!.reference} moved to` }),
    ).toBeVisible();
    const target = new Date(`${booking!.date}T12:00:00Z`);
    target.setUTCDate(target.getUTCDate() + days);
    const date = target.toISOString().slice(0, 10);
    const detail = (await (await page.request.get(`/api/admin/bookings/${booking!.id}`)).json())
      .data;
    expect(detail).toMatchObject({ date, time: booking!.time });

    await page.reload();
    const moved = page
      .locator('.rbc-month-view .rbc-event')
      .filter({ hasText: booking!.reference });
    await expect(moved).toBeVisible();
    // It sits in the target day's column (weeks start on Monday).
    const row = (await page.locator('.rbc-month-row').first().boundingBox())!;
    const movedBox = (await moved.boundingBox())!;
    const column = Math.floor((movedBox.x + movedBox.width / 2 - row.x) / cell);
    expect(column).toBe((target.getUTCDay() + 6) % 7);
  });

  test('STAFF move a booking with the keyboard through the Move… form', async ({ page }) => {
    await signIn(page, staff(STATION));
    const [booking] = await bookTogether(page.request, 1, 38, 2);
    await page.goto(`/calendar?date=${booking!.date}`);
    const event = eventOf(page, booking!.reference);
    await event.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary');
    await expect(
      panel.getByRole('heading', { name: new RegExp(booking!.reference) }),
    ).toBeVisible();
    await panel.getByRole('button', { name: 'Move…' }).press('Enter');
    const form = page.getByRole('form', { name: `Move ${booking!.reference}` });
    await expect(form.getByLabel('Date')).toBeFocused();
    const nextDay = new Date(`${booking!.date}T12:00:00Z`);
    nextDay.setUTCDate(nextDay.getUTCDate() + 1);
    const date = nextDay.toISOString().slice(0, 10);
    await form.getByLabel('Date').fill(date);
    await form.getByLabel('Start').fill('12:15');
    await form.getByLabel('Duration').selectOption('150');
    await form.getByRole('button', { name: 'Move booking' }).press('Enter');
    await expect(
      page.getByRole('status').filter({ hasText: `${booking!.reference} moved to` }),
    ).toBeVisible();
    const detail = (await (await page.request.get(`/api/admin/bookings/${booking!.id}`)).json())
      .data;
    expect(detail).toMatchObject({ date, time: '12:15', durationMinutes: 150 });
    expect(detail.actions.cancel).toBe(false);
  });

  test("the booking page's Move… dialog reschedules, and says why when it cannot", async ({
    page,
  }) => {
    await signIn(page, manager(STATION));
    const [booking] = await bookTogether(page.request, 1, 44, 2);
    await page.goto(`/bookings/${booking!.id}`);
    await page.getByRole('button', { name: 'Move…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Start').fill('23:30');
    await dialog.getByRole('button', { name: 'Move booking' }).click();
    await expect(dialog).toContainText('Outside service hours');
    await dialog.getByLabel('Start').fill('11:45');
    await dialog.getByRole('button', { name: 'Move booking' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Moved to' })).toContainText(
      '11:45 AM',
    );
    await expect(page.getByText('11:45 AM–1:45 PM')).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'History' }).getByText('Rescheduled'),
    ).toBeVisible();
  });
});
