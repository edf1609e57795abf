import { expect, test, type Page } from '@playwright/test';
import { addressFor, bookOpenSlot } from '../fixtures';
import { fillTemplate, pageTemplates } from '../page-routes';
import { problemsOpening } from './page-check';

type Booking = { reference: string; manageUrl: string; paymentUrl: string };
let booking: Booking;

/** The deposit's pages, opened in the order a customer paying through the simulator sees them. */
const PAYMENT_PAGES = ['/pay/[reference]', '/pay/[reference]/simulator', '/pay/[reference]/return'];

test.beforeAll(async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor('dev-smoke') },
  });
  const { response } = await bookOpenSlot(request, 'seattle', 'America/Los_Angeles', 7);
  expect(response.status(), await response.text()).toBe(201);
  booking = ((await response.json()) as { data: Booking }).data;
  await request.dispose();
});

/** A page's address: its parameters from the seed and the booking, the booking's signed token. */
function pageUrl(template: string): string {
  const path = fillTemplate(template, {
    station: 'seattle',
    slug: 'seattle',
    reference: booking.reference,
  });
  const token = new URL(booking.manageUrl, 'http://localhost').searchParams.get('token') ?? '';
  return template.includes('[reference]') ? `${path}?token=${encodeURIComponent(token)}` : path;
}

/** Problems seen while `act` runs on the page (clicks that navigate to the next page). */
async function problemsWhile(page: Page, act: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text().slice(0, 600)}`);
  };
  const onPageError = (error: Error) => problems.push(`uncaught: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    await act();
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
  return problems;
}

for (const template of pageTemplates('customer').filter((path) => !PAYMENT_PAGES.includes(path))) {
  test(`customer ${template} opens cleanly under next dev`, async ({ page }) => {
    expect(await problemsOpening(page, pageUrl(template))).toEqual([]);
  });
}

test('customer pays the deposit through the simulator under next dev', async ({ page }) => {
  expect(pageTemplates('customer')).toEqual(expect.arrayContaining(PAYMENT_PAGES));
  const problems = await problemsOpening(page, pageUrl('/pay/[reference]'));
  problems.push(
    ...(await problemsWhile(page, async () => {
      await page.getByRole('button', { name: /^Pay .* deposit$/ }).click();
      await page.waitForURL(/\/simulator\?/, { timeout: 180_000 });
      await page.getByRole('button', { name: 'Pay (test)' }).click();
      await page.waitForURL(/\/return\?/, { timeout: 180_000 });
      await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible({
        timeout: 180_000,
      });
    })),
  );
  expect(problems).toEqual([]);
});
