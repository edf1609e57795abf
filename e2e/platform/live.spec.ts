import { emailIndex, openSealed } from '../sealed-data';
import {
  request as playwrightRequest,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import {
  addressFor,
  availability,
  database,
  expect,
  followRunnerClock,
  test,
  timeLabel,
  uniqueCustomer,
} from '../fixtures';
import { apiAs, heldBooking, manager, signIn, staff } from '../admin/admin-fixtures';
import { ADMIN_PORT, CUSTOMER_PORT, CUSTOMER_SECOND_PORT } from '../ports';

/**
 * Live across instances: the customer's widget on one customer instance, staff in the admin
 * (another process), messages fanned out through PostgreSQL; a network cut and a second
 * customer instance in between, and nothing lost or doubled.
 */
const CUSTOMER = `http://localhost:${CUSTOMER_PORT}`;
const SECOND = `http://localhost:${CUSTOMER_SECOND_PORT}`;
const ADMIN = `http://localhost:${ADMIN_PORT}`;
const STATION = 'seattle';

async function contextAt(browser: Browser, baseURL: string, seed: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`${seed}:${Math.random()}`) },
  });
  await followRunnerClock(context);
  return context;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const bubbles = (scope: Page | ReturnType<Page['locator']>, author: string, text: string) =>
  scope.locator(`.chat-${author}`).filter({ hasText: text });

test.describe('live conversations and calendars', () => {
  test('a customer and staff talk live across instances; a cut network resumes with nothing lost or doubled', async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const marker = `live-${Date.now()}`;
    const person = uniqueCustomer('chat');
    const customerContext = await contextAt(browser, CUSTOMER, 'chat-customer');
    const customer = await customerContext.newPage();
    await customer.goto('/');
    await customer.getByRole('button', { name: 'Chat with us' }).click();
    const panel = customer.getByRole('dialog', { name: 'Chat with us' });
    await panel.getByLabel('Location').selectOption(STATION);
    await panel.getByLabel('Your name').fill('Robin Live');
    await panel.getByLabel('E-mail').fill(person.email);
    await panel.getByLabel('Message').fill(`Can you do 30 guests on the 14th? ${marker}`);
    await panel.getByRole('button', { name: 'Start chatting' }).click();
    await expect(bubbles(panel, 'customer', marker)).toHaveCount(1);

    // Staff of the station, on the admin instance, open the inbox before the next message.
    const staffContext = await contextAt(browser, ADMIN, 'chat-staff');
    const inbox = await staffContext.newPage();
    await signIn(inbox, staff(STATION));
    await inbox.goto('/inbox');
    await expect(inbox.getByRole('link', { name: /Inbox/ }).locator('.nav-badge')).toBeVisible();
    await inbox.getByRole('button', { name: /Robin Live/ }).click();
    const thread = inbox.getByRole('article', { name: 'Conversation with Robin Live' });
    await expect(bubbles(thread, 'customer', marker)).toHaveCount(1);

    await panel.getByLabel('Your message').fill('And do you bring the grill?');
    await panel.getByLabel('Your message').press('Enter');
    await expect(bubbles(thread, 'customer', 'bring the grill')).toHaveCount(1);
    await thread.getByLabel('Reply').fill('Yes to both: 30 guests and the grill.');
    await thread.getByLabel('Reply').press('Enter');
    await expect(bubbles(panel, 'staff', 'Yes to both')).toHaveCount(1);
    // Staff have read the customer's messages: the widget says so.
    await expect(panel.locator('.chat-customer .chat-meta').last()).toContainText('Seen');

    // The customer's network goes; they write, staff answer meanwhile.
    await customerContext.setOffline(true);
    await expect(panel.getByRole('status')).toBeVisible();
    await panel.getByLabel('Your message').fill('Written while offline');
    await panel.getByLabel('Your message').press('Enter');
    await expect(panel.locator('.chat-pending')).toContainText('Written while offline');
    await thread.getByLabel('Reply').fill('Answered while you were away');
    await thread.getByLabel('Reply').press('Enter');
    await expect(bubbles(thread, 'staff', 'Answered while you were away')).toHaveCount(1);

    // Back online: the widget resumes from its last message and sends the queued one once.
    await customerContext.setOffline(false);
    await expect(bubbles(panel, 'staff', 'Answered while you were away')).toHaveCount(1);
    await expect(panel.locator('.chat-pending')).toHaveCount(0);
    await expect(bubbles(panel, 'customer', 'Written while offline')).toHaveCount(1);
    await expect(bubbles(thread, 'customer', 'Written while offline')).toHaveCount(1);

    // Posted through the second customer instance, it reaches the stream on the first.
    const viaSecond = await customerContext.request.post(
      `${SECOND}/api/conversations/current/messages`,
      { data: { clientMessageId: crypto.randomUUID(), body: 'Sent through the other instance' } },
    );
    expect(viaSecond.status(), await viaSecond.text()).toBe(201);
    await expect(bubbles(panel, 'customer', 'other instance')).toHaveCount(1);
    await expect(bubbles(thread, 'customer', 'other instance')).toHaveCount(1);

    const db = await database();
    const { rows } = await db.query<{ seq: number; body: string }>(
      `SELECT m.seq, m.body FROM "ConversationMessage" m
         JOIN "Conversation" c ON c.id = m."conversationId"
        WHERE c."customerEmailHash" = $1 ORDER BY m.seq`,
      [emailIndex(person.email)],
    );
    await db.end();
    openSealed(rows);
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((row) => row.body)).toEqual([
      `Can you do 30 guests on the 14th? ${marker}`,
      'And do you bring the grill?',
      'Yes to both: 30 guests and the grill.',
      'Answered while you were away',
      'Written while offline',
      'Sent through the other instance',
    ]);
    await Promise.all([customerContext.close(), staffContext.close()]);
  });

  test("a booking moved by one admin moves on another admin's calendar without a reload", async ({
    browser,
  }) => {
    const mover = await apiAs(ADMIN, manager(STATION));
    const booking = await heldBooking(mover, STATION, 'America/Los_Angeles');
    const detail = (await (await mover.get(`/api/admin/bookings/${booking.id}`)).json()).data as {
      date: string;
      time: string;
      version: number;
      durationMinutes: number;
    };
    const watcherContext = await contextAt(browser, ADMIN, 'calendar-watcher');
    const watcher = await watcherContext.newPage();
    await signIn(watcher, staff(STATION));
    await watcher.goto(`/calendar?date=${detail.date}`);
    const event = watcher.locator('.rbc-event').filter({ hasText: booking.reference });
    await expect(event.locator('.rbc-event-label')).toContainText(timeLabel(detail.time));

    const customerApi = await playwrightRequest.newContext({ baseURL: CUSTOMER });
    // Another start time on the same day with a chef free for the whole event.
    const target = (await availability(customerApi, STATION, detail.date)).find(
      (slot) => slot.available > 0 && Math.abs(minutes(slot.time) - minutes(detail.time)) >= 180,
    )?.time;
    await customerApi.dispose();
    expect(target, 'a free time three hours away').toBeDefined();
    const moved = await mover.patch(`/api/admin/bookings/${booking.id}`, {
      data: { date: detail.date, time: target!, version: detail.version },
    });
    expect(moved.status(), await moved.text()).toBe(200);
    // Well inside the calendar's old 30-second poll: the live channel brought it.
    await expect(event.locator('.rbc-event-label')).toContainText(timeLabel(target!), {
      timeout: 5_000,
    });
    await Promise.all([watcherContext.close(), mover.dispose()]);
  });
});
