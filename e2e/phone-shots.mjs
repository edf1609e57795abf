// Scratch: screenshots of admin pages at phone width (not part of the suite).
import { chromium } from '@playwright/test';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
const page = await context.newPage();
await page.goto(`${base}/sign-in`);
await page.screenshot({ path: '/tmp/shot-signin.png', fullPage: true });
await page.request.post(`${base}/api/session`, { data: { email: 'manager@chicago.demo.hibachi.test', password: 'demo-password-123' } });
for (const [name, path] of [['dashboard', '/dashboard'], ['bookings', '/bookings'], ['calendar', '/calendar?view=day']]) {
  await page.goto(`${base}${path}`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: name !== 'calendar' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  console.log(name, 'horizontal overflow px:', overflow);
}
const first = await page.request.get(`${base}/api/admin/bookings?limit=1`);
const id = (await first.json()).data.items[0].id;
await page.goto(`${base}/bookings/${id}`);
await page.waitForTimeout(1500);
await page.screenshot({ path: '/tmp/shot-detail.png', fullPage: true });
console.log('detail horizontal overflow px:', await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
await browser.close();
