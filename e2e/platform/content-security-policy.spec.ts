import { request as playwrightRequest, type BrowserContext, type Page } from '@playwright/test';
import { addressFor, bookOpenSlot, expect, followRunnerClock, test } from '../fixtures';
import { DEMO_PASSWORD, SUPER_ADMIN } from '../admin/admin-fixtures';
import { ADMIN_PORT, CUSTOMER_PORT } from '../ports';

/**
 * Issue 30, item 7: no page of either app lets an inline script run without the nonce of
 * its own answer. Every page is opened in Chromium: its policy must not allow inline
 * scripts, its scripts carry the nonce, nothing is refused while it loads and hydrates, and
 * a script injected into the page does not run.
 */
const CUSTOMER = `http://localhost:${CUSTOMER_PORT}`;
const ADMIN = `http://localhost:${ADMIN_PORT}`;

declare global {
  // Only an interface merges into the DOM's Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __violations?: string[];
    __injected?: boolean;
  }
}

async function watchedContext(context: BrowserContext): Promise<BrowserContext> {
  await followRunnerClock(context);
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__violations!.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return context;
}

const scriptSource = (policy: string) =>
  policy
    .split(';')
    .map((directive) => directive.trim())
    .find((directive) => directive.startsWith('script-src'))!;

async function expectNonceOnly(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  const policy = response!.headers()['content-security-policy'] ?? '';
  const scripts = scriptSource(policy);
  expect(scripts, `${url}: ${policy}`).toBeTruthy();
  expect(scripts, url).not.toContain("'unsafe-inline'");
  expect(scripts, url).toContain("'strict-dynamic'");
  const nonce = /'nonce-([^']+)'/.exec(scripts)?.[1];
  expect(nonce, url).toBeTruthy();
  await page.waitForLoadState('networkidle');
  const found = await page.evaluate(() =>
    [...document.scripts].map((script) => ({
      nonce: script.nonce,
      src: script.src,
      type: script.type,
    })),
  );
  // The framework's inline scripts carry this answer's nonce; the chunks they load later need
  // none ('strict-dynamic'), and a refused one would be a violation below.
  // (JSON-LD blocks are data, never run: not scripts to the policy)
  const inline = found.filter((script) => !script.src && script.type !== 'application/ld+json');
  expect(inline.length, url).toBeGreaterThan(0);
  for (const script of inline) expect(script.nonce, url).toBe(nonce);
  // An inline script in the page's HTML without the nonce (what a stored XSS would add) is refused.
  await page.route(
    (target) => target.pathname === new URL(url, page.url()).pathname,
    async (route) => {
      const original = await route.fetch();
      const html = (await original.text()).replace(
        '</body>',
        '<script>window.__injected = true</script></body>',
      );
      await route.fulfill({ response: original, body: html });
    },
  );
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.unrouteAll();
  await expect
    .poll(() => page.evaluate(() => window.__violations!.length), { message: url })
    .toBeGreaterThan(0);
  const { injected, violations } = await page.evaluate(() => ({
    injected: window.__injected === true,
    violations: window.__violations!,
  }));
  expect(injected, url).toBe(false);
  // The only refusal is the injected script: the page's own load and hydration were clean.
  expect(violations, url).toEqual([expect.stringMatching(/^script-src/)]);
}

test.describe('content security policy with a nonce per answer', () => {
  test('customer pages run only scripts with their nonce', async ({ browser }) => {
    test.setTimeout(90_000);
    const api = await playwrightRequest.newContext({
      baseURL: CUSTOMER,
      extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`csp-book:${Math.random()}`) },
    });
    const { response } = await bookOpenSlot(api, 'chicago', 'America/Chicago', 20);
    expect(response.status(), await response.text()).toBe(201);
    const { manageUrl } = ((await response.json()) as { data: { manageUrl: string } }).data;
    const manage = new URL(manageUrl, CUSTOMER);
    const context = await watchedContext(
      await browser.newContext({
        baseURL: CUSTOMER,
        extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`csp-customer:${Math.random()}`) },
        // The injection below is a route, and routes do not see what a service worker fetches.
        serviceWorkers: 'block',
      }),
    );
    const page = await context.newPage();
    for (const url of [
      '/',
      '/book/chicago',
      '/locations/london',
      '/manage',
      `${manage.pathname}${manage.search}`,
      '/no-such-page',
    ])
      await expectNonceOnly(page, url);
    const first = (await page.request.get('/')).headers()['content-security-policy'];
    const second = (await page.request.get('/')).headers()['content-security-policy'];
    expect(first).not.toBe(second);
    await context.close();
  });

  test('admin pages run only scripts with their nonce', async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await watchedContext(
      await browser.newContext({
        baseURL: ADMIN,
        extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`csp-admin:${Math.random()}`) },
        serviceWorkers: 'block',
      }),
    );
    const page = await context.newPage();
    await expectNonceOnly(page, '/sign-in');
    const signedIn = await page.request.post('/api/session', {
      data: { email: SUPER_ADMIN, password: DEMO_PASSWORD },
    });
    expect(signedIn.status()).toBe(200);
    for (const url of [
      '/dashboard',
      '/calendar',
      '/bookings',
      '/inbox',
      '/season',
      '/settings',
      '/staff',
      '/stations',
      '/outbox',
      '/no-such-page',
    ])
      await expectNonceOnly(page, url);
    await context.close();
  });
});
