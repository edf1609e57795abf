import { emailIndex } from '../sealed-data';
import { bookOpenSlot, database, expect, test } from '../fixtures';

test.describe('chat widget', () => {
  test('from a manage page the conversation is opened on that booking, without asking who', async ({
    page,
  }) => {
    const { response } = await bookOpenSlot(page.request, 'denver', 'America/Denver', 15);
    expect(response.status(), await response.text()).toBe(201);
    const booking = (await response.json()).data as { reference: string; manageUrl: string };
    await page.goto(booking.manageUrl);
    await page.getByRole('button', { name: 'Chat with us' }).click();
    const panel = page.getByRole('dialog', { name: 'Chat with us' });
    await expect(
      panel.getByText(`Ask us anything about booking ${booking.reference}.`),
    ).toBeVisible();
    // Name, e-mail and location come from the booking: only the message is asked for.
    await expect(panel.getByLabel('Your name')).toHaveCount(0);
    await panel.getByLabel('Message').fill('Can we add two guests?');
    await panel.getByRole('button', { name: 'Start chatting' }).click();
    await expect(panel.locator('.chat-customer')).toContainText('Can we add two guests?');
    await expect(panel.getByText('Denver', { exact: false })).toBeVisible();

    const db = await database();
    const { rows } = await db.query<{ reference: string }>(
      `SELECT b.reference FROM "Conversation" c JOIN "Booking" b ON b.id = c."bookingId"
        WHERE c."customerEmailHash" = (SELECT "emailHash" FROM "Customer" cu WHERE cu.id = b."customerId")
          AND b.reference = $1`,
      [booking.reference],
    );
    await db.end();
    expect(rows).toEqual([{ reference: booking.reference }]);

    // The panel stays open across a reload and shows the same conversation.
    await page.reload();
    await expect(
      page.getByRole('dialog', { name: 'Chat with us' }).locator('.chat-customer'),
    ).toContainText('Can we add two guests?');
  });

  test('a bot that fills the hidden field is refused, and nothing is kept', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Chat with us' }).click();
    const panel = page.getByRole('dialog', { name: 'Chat with us' });
    await panel.getByLabel('Location').selectOption('denver');
    await panel.getByLabel('Your name').fill('Spam Bot');
    await panel.getByLabel('E-mail').fill('bot@example.com');
    await panel.getByLabel('Message').fill('Buy now');
    await panel.locator('input[name="website"]').fill('http://spam.example', { force: true });
    await panel.getByRole('button', { name: 'Start chatting' }).click();
    await expect(panel.getByRole('alert')).toBeVisible();
    const db = await database();
    const { rows } = await db.query(
      `SELECT 1 FROM "Conversation" WHERE "customerEmailHash" = '${emailIndex('bot@example.com')}'`,
    );
    await db.end();
    expect(rows).toEqual([]);
  });
});
