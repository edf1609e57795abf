import { expect, test, type Page } from '@playwright/test';
import { fillTemplate, pageTemplates } from '../page-routes';
import { problemsOpening, retryOnNavigation } from './page-check';

const PASSWORD = 'demo-password-123';
/** The roles from the least to the most privileged: each page is opened by the first that reaches it. */
const ROLES = {
  CHEF: 'chef@seattle.demo.hibachi.test',
  STAFF: 'staff@seattle.demo.hibachi.test',
  MANAGER: 'manager@seattle.demo.hibachi.test',
  SUPER_ADMIN: 'admin@demo.hibachi.test',
} as const;
/** Pages a signed-out visitor opens (the set-password form with a link's token). */
const SIGNED_OUT: Record<string, string> = {
  '/sign-in': '/sign-in',
  '/set-password': '/set-password?token=dev-smoke',
};

/** Pages opened so far (a worker restarted after a failure starts again, opening more, not fewer). */
const opened = new Set<string>();

async function signIn(page: Page, email: string): Promise<void> {
  const response = await page.request.post('/api/session', { data: { email, password: PASSWORD } });
  expect(response.status(), await response.text()).toBe(200);
}

/** The sections the role's navigation offers it, as route templates (a booking's page with the list). */
async function sectionsOffered(page: Page): Promise<string[]> {
  const links = await retryOnNavigation(page, () =>
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link')
      .evaluateAll((anchors) =>
        anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
      ),
  );
  return links.includes('/bookings') ? [...links, '/bookings/[id]'] : links;
}

/** A booking of the role's station that the booking page can show (the staff list's first). */
async function anyBookingId(page: Page): Promise<string> {
  const response = await page.request.get('/api/admin/bookings?limit=1');
  expect(response.status(), await response.text()).toBe(200);
  const { items } = ((await response.json()) as { data: { items: { id: string }[] } }).data;
  const id = items[0]?.id;
  if (!id) throw new Error('the seeded station has no bookings');
  return id;
}

for (const [template, url] of Object.entries(SIGNED_OUT)) {
  test(`admin ${template} opens cleanly signed out`, async ({ page }) => {
    expect(await problemsOpening(page, url)).toEqual([]);
  });
}

for (const [role, email] of Object.entries(ROLES)) {
  test(`admin: ${role} signs in and opens the pages first reached as ${role}`, async ({ page }) => {
    await signIn(page, email);
    const failures = (await problemsOpening(page, '/')).map((problem) => `/: ${problem}`);
    const sections = (await sectionsOffered(page)).filter((template) => !opened.has(template));
    const id = sections.includes('/bookings/[id]') ? await anyBookingId(page) : '';
    for (const template of sections) {
      await test.step(template, async () => {
        const problems = await problemsOpening(page, fillTemplate(template, { id }));
        failures.push(...problems.map((problem) => `${template}: ${problem}`));
        opened.add(template);
      });
    }
    expect(failures).toEqual([]);
  });
}

test('every admin page is opened by a visitor above', async ({ browser, baseURL }) => {
  const reached = new Set(['/', ...Object.keys(SIGNED_OUT)]);
  for (const email of Object.values(ROLES)) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, email);
    await page.goto('/');
    for (const template of await sectionsOffered(page)) reached.add(template);
    await context.close();
  }
  expect(pageTemplates('admin').filter((template) => !reached.has(template))).toEqual([]);
});
