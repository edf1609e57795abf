import { expect, test } from '../fixtures';
import { heldBooking, manager, signIn } from './admin-fixtures';

test.describe('refunds owed', () => {
  test('a cash refund promised by a cancellation stays owed on the booking and the dashboard until a manager marks it given back', async ({
    page,
  }) => {
    await signIn(page, manager('los-angeles'));
    const booking = await heldBooking(page.request, 'los-angeles', 'America/Los_Angeles');
    const paid = await page.request.post(`/api/admin/bookings/${booking.id}/payments`, {
      data: { amountCents: 4_000, method: 'CASH' },
    });
    expect(paid.status(), await paid.text()).toBe(201);
    const cancelled = await page.request.post(`/api/admin/bookings/${booking.id}/cancel`, {
      data: { reason: 'Venue flooded', refund: true },
    });
    expect(cancelled.status(), await cancelled.text()).toBe(200);
    expect(
      ((await cancelled.json()) as { data: { refundParts: unknown } }).data.refundParts,
    ).toEqual([{ settledBy: 'CASH', amountCents: 4_000 }]);

    await page.goto('/');
    const owedPanel = page.getByRole('region', { name: 'Refunds owed' });
    await expect(
      owedPanel.getByRole('listitem').filter({ hasText: booking.reference }),
    ).toContainText('$40 · hand back in cash');

    await page.goto(`/bookings/${booking.id}`);
    const owed = page.getByTestId('refund-owed');
    await expect(owed).toContainText('$40 refund owed: hand back in cash');
    await owed.getByRole('button', { name: 'Mark given back' }).click();
    await owed.getByLabel('Note (optional)').fill('Handed over at the office');
    await owed.getByRole('button', { name: 'Yes, it was given back' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Refund of $40 marked as given back.' }),
    ).toBeVisible();
    await expect(page.getByTestId('refund-owed')).toHaveCount(0);

    await page.goto('/');
    await expect(
      page.getByRole('region', { name: 'Refunds owed' }).getByText(booking.reference),
    ).toHaveCount(0);
  });
});
