import { expect, test } from '../fixtures';
import { manager, signIn, SUPER_ADMIN } from './admin-fixtures';

test.describe('staff accounts', () => {
  test('the super admin adds a manager, who chooses a password through the one-time link and signs in; deactivation ends their session', async ({
    page,
    browser,
    baseURL,
  }) => {
    // The whole journey in one test (two browsers, a password hashed with argon2, two
    // sign-ins checked with it, the link tried twice, a deactivation) took 28-29 s in full
    // runs on the 2-core machine, at the edge of the default 30 s.
    test.setTimeout(90_000);
    const email = `new.manager.${Date.now()}@demo.hibachi.test`;
    const name = `Nora Newhire ${Date.now() % 100_000}`;
    await signIn(page, SUPER_ADMIN);
    await page.goto('/staff');
    await expect(page.getByRole('heading', { name: 'Staff accounts' })).toBeVisible();

    const invite = page.getByRole('form', { name: 'Add an account' });
    await invite.getByLabel('E-mail').fill(email);
    await invite.getByLabel('Name').fill(name);
    await invite.getByLabel('Role').selectOption('MANAGER');
    await invite.getByLabel('Station').selectOption('denver');
    await invite.getByRole('button', { name: 'Add account' }).click();
    const link = page.getByLabel('Set-password link');
    await expect(link).toHaveValue(/\/set-password\?token=/);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Invited');
    await expect(row).toContainText('Denver');

    // The link, opened by the new manager in a browser of their own.
    const url = new URL(await link.inputValue());
    const theirs = await browser.newContext({ baseURL });
    const them = await theirs.newPage();
    await them.goto(`${url.pathname}${url.search}`);
    await expect(them.getByRole('heading', { name: 'Choose a password' })).toBeVisible();
    // The policy answers next to the field: too short (the API's own schema, in the browser).
    await them.getByLabel('New password').fill('short');
    await them.getByLabel('Repeat the password').fill('short');
    await them.getByRole('button', { name: 'Save password' }).click();
    // The message follows the hint in what the field reads out (aria-describedby).
    await expect(them.getByLabel('New password')).toHaveAccessibleDescription(
      /a good one\. At least 12 characters/,
    );
    await expect(them.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');

    // What only the server knows (the e-mail) answers next to the field as well.
    const fromEmail = `${email.split('@')[0]} grill`;
    await them.getByLabel('New password').fill(fromEmail);
    await them.getByLabel('Repeat the password').fill(fromEmail);
    await them.getByRole('button', { name: 'Save password' }).click();
    await expect(them.getByLabel('New password')).toHaveAccessibleDescription(
      /a good one\. Do not use your e-mail address in your password$/,
    );

    const password = 'copper grill evening 42';
    await them.getByLabel('New password').fill(password);
    await them.getByLabel('Repeat the password').fill(password);
    await them.getByRole('button', { name: 'Save password' }).click();
    await expect(them.getByRole('status')).toContainText('Your password is saved');

    await them.getByRole('link', { name: 'Sign in' }).click();
    await them.getByLabel('E-mail').fill(email);
    await them.getByLabel('Password').fill(password);
    await them.getByRole('button', { name: 'Sign in' }).click();
    await expect(them.getByText(name)).toBeVisible();
    const me = await them.request.get('/api/admin/me');
    expect((await me.json()).data).toMatchObject({ role: 'MANAGER', station: { slug: 'denver' } });

    // The link worked once.
    const again = await theirs.newPage();
    await again.goto(`${url.pathname}${url.search}`);
    await again.getByLabel('New password').fill('another long password 7');
    await again.getByLabel('Repeat the password').fill('another long password 7');
    await again.getByRole('button', { name: 'Save password' }).click();
    await expect(again.locator('p[role="alert"]')).toContainText('expired or was used already');

    // The super admin sees them active, then deactivates them: out at their next request.
    await page.reload();
    await expect(row).toContainText('Active');
    await page.getByRole('button', { name: `Deactivate ${name}` }).click();
    await expect(page.getByRole('status').first()).toContainText(
      `${name} is deactivated and signed out.`,
    );
    await expect(row).toContainText('Inactive');
    expect((await them.request.get('/api/admin/me')).status()).toBe(401);
    await theirs.close();
  });

  test('nobody but a super admin reaches the staff page', async ({ page }) => {
    await signIn(page, manager('denver'));
    const response = await page.goto('/staff');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('link', { name: 'Staff' })).toHaveCount(0);
  });
});
