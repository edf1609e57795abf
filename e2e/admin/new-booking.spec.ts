import type { APIRequestContext, Page } from '@playwright/test';
import {
  dateIn,
  expect,
  mailAbout,
  test,
  timeLabel,
  uniqueCustomer,
  type OpenSlot,
} from '../fixtures';
import { CUSTOMER_PORT } from '../ports';
import { heldBooking, signIn, staff } from './admin-fixtures';

const STATION = 'seattle';
const ZONE = 'America/Los_Angeles';

type StaffDay = {
  chefs: { id: string; name: string }[];
  slots: { time: string; available: number; online: boolean; freeChefIds: string[] }[];
};

async function staffDay(request: APIRequestContext, date: string): Promise<StaffDay> {
  const response = await request.get(
    `/api/admin/availability?station=${STATION}&date=${date}&duration=120`,
  );
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: StaffDay }).data;
}

/** The first start from `fromDays` on (up to `toDays`) that `wanted` accepts, with a chef free then. */
async function findStart(
  request: APIRequestContext,
  days: number[],
  wanted: (slot: StaffDay['slots'][number]) => boolean,
): Promise<OpenSlot & { chef: { id: string; name: string } }> {
  for (const offset of days) {
    const date = dateIn(ZONE, offset);
    const day = await staffDay(request, date);
    // A start late enough in the day that the calendar shows it below its opening scroll.
    const slot = day.slots.find((candidate) => candidate.available > 0 && wanted(candidate));
    const chef = day.chefs.find((candidate) => slot?.freeChefIds.at(-1) === candidate.id);
    if (slot && chef) return { date, time: slot.time, chef };
  }
  throw new Error(`no start with a free chef in ${STATION} on days ${days.join(', ')}`);
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Party, address, contact: what every phone order here types. */
async function fillOrder(page: Page, adults: number, customer: ReturnType<typeof uniqueCustomer>) {
  const form = page.getByRole('form', { name: 'New booking' });
  await form.getByLabel('Adults').fill(String(adults));
  await form.getByLabel('Street address').fill('1 Pike Street');
  await form.getByLabel('City').fill('Seattle');
  await form.getByLabel('Postal code').fill('98101');
  await form.getByLabel('E-mail').fill(customer.email);
  await form.getByLabel('E-mail').press('Tab');
  await expect(
    form.getByText(`No earlier booking at Seattle with ${customer.email}`),
  ).toBeVisible();
  await form.getByLabel('Phone').fill(customer.phone);
  await form.getByLabel('Name', { exact: true }).fill(customer.name);
  return form;
}

test.describe('staff take a phone order (New booking)', () => {
  test('from an empty slot of a chef in the day view: booked, held for that chef, link to copy', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, staff(STATION));
    const start = await findStart(page.request, [4, 5, 6, 7, 8, 9], (slot) => slot.online);
    const calendar = (await (
      await page.request.get(`/api/admin/calendar?from=${start.date}&to=${start.date}`)
    ).json()) as { data: { chefs: { id: string }[] } };
    const column = calendar.data.chefs.findIndex((chef) => chef.id === start.chef.id);

    await page.goto(`/calendar?date=${start.date}&view=day`);
    const columns = page.locator('.rbc-time-content .rbc-day-slot');
    // One 15-minute slot of the chef's column at the start, from 09:00 (the view's top).
    const slot = columns
      .nth(column)
      .locator('.rbc-time-slot')
      .nth((minutesOf(start.time) - 9 * 60) / 15);
    await slot.scrollIntoViewIfNeeded();
    const box = (await slot.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const choice = page.getByRole('dialog', { name: new RegExp(`^${start.chef.name},`) });
    await expect(
      choice.getByRole('button', { name: `Time off for ${start.chef.name}…` }),
    ).toBeVisible();
    await choice
      .getByRole('link', { name: `New booking for ${start.chef.name} at ${timeLabel(start.time)}` })
      .click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New booking · Seattle');
    const form = page.getByRole('form', { name: 'New booking' });
    await expect(form.getByLabel('Date')).toHaveValue(start.date);
    await expect(
      form.getByRole('radio', { name: new RegExp(`^${timeLabel(start.time)}`) }),
    ).toBeChecked();
    await expect(form.getByLabel('Chef', { exact: true })).toHaveValue(start.chef.id);

    const customer = uniqueCustomer('phone-order');
    await fillOrder(page, 14, customer);
    const menu = (await (await page.request.get(`/api/admin/stations/${STATION}/menu`)).json()) as {
      data: { proteinsPerAdult: number };
    };
    await form.getByLabel('Chicken', { exact: true }).fill(String(14 * menu.data.proteinsPerAdult));
    await expect(form.getByTestId('quote-total')).toBeVisible();
    const fullPrice = await form.getByTestId('quote-total').textContent();
    // 10% off, with the reason kept for the records; the price beside the form follows it.
    const adjustments = form.getByRole('region', { name: 'Price adjustments' });
    await adjustments.getByRole('radio', { name: 'Discount' }).check();
    await adjustments.getByLabel('Percent', { exact: true }).fill('10');
    await adjustments.getByLabel('Label the customer sees (optional)').fill('Neighbour rate');
    await adjustments.getByLabel(/^Reason/).fill('Referred by a regular, agreed on the phone');
    await expect(form.getByText('Neighbour rate (10%)')).toBeVisible();
    await expect(form.getByTestId('quote-total')).not.toHaveText(fullPrice!);
    await form.getByRole('button', { name: 'Book and e-mail the proposal' }).click();

    await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]{36}$/);
    const notice = page.getByTestId('created-notice');
    await expect(notice).toContainText('Held until');
    await expect(notice).toContainText('the customer was e-mailed the proposal to accept and pay');
    const reference = (await page.locator('h1 .reference').textContent())!.trim();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Awaiting deposit');
    const link = await notice.getByLabel('Proposal link').inputValue();
    expect(link).toMatch(
      new RegExp(`^http://localhost:${CUSTOMER_PORT}/proposal/${reference}\\?token=[\\w.-]+$`),
    );
    const mail = await mailAbout(customer.email, reference);
    expect(mail.text).toContain(`/proposal/${reference}`);

    const id = page.url().split('/').at(-1)!;
    const booking = (await (await page.request.get(`/api/admin/bookings/${id}`)).json()).data as {
      chef: { id: string };
      adults: number;
      status: string;
      time: string;
    };
    expect(booking).toMatchObject({
      chef: { id: start.chef.id },
      adults: 14,
      status: 'PENDING_PAYMENT',
      time: start.time,
    });

    expect(
      (await (await page.request.get(`/api/admin/bookings/${id}`)).json()).data.adjustments,
    ).toMatchObject([
      { kind: 'DISCOUNT', percent: 10, reason: 'Referred by a regular, agreed on the phone' },
    ]);

    await page.goto(`/calendar?date=${start.date}&view=day`);
    const event = page.locator('.rbc-event').filter({ hasText: reference });
    await expect(event).toHaveClass(/cal-pending_payment/);
    const eventBox = (await event.boundingBox())!;
    const columnBox = (await columns.nth(column).boundingBox())!;
    expect(eventBox.x).toBeGreaterThanOrEqual(columnBox.x - 1);
    expect(eventBox.x + eventBox.width).toBeLessThanOrEqual(columnBox.x + columnBox.width + 1);
  });

  test('a returning customer found by e-mail fills the contact', async ({ page }) => {
    await signIn(page, staff(STATION));
    const earlier = await heldBooking(page.request, STATION, ZONE);
    await page.goto(`/bookings/new?station=${STATION}`);
    const form = page.getByRole('form', { name: 'New booking' });
    await form.getByLabel('E-mail').fill(earlier.email);
    await form.getByLabel('E-mail').press('Tab');
    await expect(form.getByText('Returning customer: Pat Example')).toBeVisible();
    await form.getByRole('button', { name: 'Use their details' }).click();
    await expect(form.getByLabel('Name', { exact: true })).toHaveValue('Pat Example');
    await expect(form.getByLabel('Phone')).toHaveValue('+1 555 010 3000');
    await expect(form.getByText('Their details are filled in.')).toBeVisible();
  });

  test('a start inside the customer notice is offered to staff, marked, and books', async ({
    page,
  }) => {
    await signIn(page, staff(STATION));
    const start = await findStart(page.request, [1, 2], (slot) => !slot.online);
    await page.goto(`/bookings/new?station=${STATION}&date=${start.date}`);
    const form = page.getByRole('form', { name: 'New booking' });
    const radio = form.getByRole('radio', { name: new RegExp(`^${timeLabel(start.time)}`) });
    await expect(radio).toHaveAccessibleName(/staff only/);
    await radio.check();
    await fillOrder(page, 6, uniqueCustomer('inside-notice'));
    await form.getByLabel(/Decide the proteins later/).check();
    await form.getByRole('button', { name: 'Book and e-mail the proposal' }).click();
    await expect(page).toHaveURL(/\/bookings\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('created-notice')).toContainText('Held until');
    const id = page.url().split('/').at(-1)!;
    const booking = (await (await page.request.get(`/api/admin/bookings/${id}`)).json()).data;
    expect(booking).toMatchObject({
      date: start.date,
      time: start.time,
      status: 'PENDING_PAYMENT',
    });
  });
});
