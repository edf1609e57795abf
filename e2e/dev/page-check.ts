import { expect, type Frame, type Page, type Request } from '@playwright/test';

/** What a page may show when it failed: a widget's or the app's error boundary. */
const ERROR_BOUNDARY = '.widget-error, [role="alert"]:has-text("Something went wrong")';
/** How long the network must stay quiet (live streams aside) for a page to count as settled. */
const QUIET_MS = 1_000;

/**
 * Opens `url` and waits until it has settled (loaded, nothing `aria-busy`, no request in
 * flight but live streams), collecting everything a developer would see go wrong: console
 * errors, uncaught errors, server errors and error boundaries. Returns them, one line each.
 */
export async function problemsOpening(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text().slice(0, 600)}`);
  };
  const onPageError = (error: Error) =>
    problems.push(`uncaught: ${(error.stack ?? error.message).slice(0, 600)}`);
  const onRequest = (request: Request) => {
    if (request.resourceType() === 'eventsource') return;
    inFlight.add(request);
    lastActivity = Date.now();
  };
  const onDone = (request: Request) => {
    if (inFlight.delete(request)) lastActivity = Date.now();
  };
  // A page that reloads itself (Fast Refresh after compiling) abandons its requests.
  const onNavigated = (frame: Frame) => {
    if (frame === page.mainFrame()) inFlight.clear();
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('framenavigated', onNavigated);
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    if (response && response.status() >= 500) problems.push(`HTTP ${response.status()}`);
    // Queries that fail after the first paint show their message once their answers are in; a
    // page that compiled something on first use may reload itself once (Fast Refresh) meanwhile.
    await expect
      .poll(
        async () =>
          inFlight.size === 0 &&
          Date.now() - lastActivity >= QUIET_MS &&
          (await page.locator('[aria-busy="true"]').count()) === 0,
        { timeout: 180_000, intervals: [100, 250] },
      )
      .toBe(true)
      .catch(() => {
        const pending = [...inFlight].map((request) => request.url()).join(', ');
        throw new Error(`${url} did not settle in 3 minutes; in flight: ${pending || 'nothing'}`);
      });
    const boundaries = await retryOnNavigation(page, () =>
      page.locator(ERROR_BOUNDARY).allInnerTexts(),
    );
    problems.push(...boundaries.map((text) => `error boundary: ${text.replace(/\s+/g, ' ')}`));
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('framenavigated', onNavigated);
    page.off('request', onRequest);
    page.off('requestfinished', onDone);
    page.off('requestfailed', onDone);
  }
  return problems;
}

/** Runs a read of the page again once it has loaded, when a reload (Fast Refresh) interrupted it. */
export async function retryOnNavigation<T>(page: Page, read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read();
    } catch (error) {
      if (attempt === 3 || !String(error).includes('Execution context was destroyed')) throw error;
      await page.waitForLoadState('load');
    }
  }
}
