import type { APIRequestContext, Page } from '@playwright/test';
import { bookOpenSlot, expect, test } from '../fixtures';

async function createHeldBooking(request: APIRequestContext, days: number) {
  const { response } = await bookOpenSlot(request, 'london', 'Europe/London', days);
  expect(response.status(), await response.text()).toBe(201);
  return (
    (await response.json()) as {
      data: { reference: string; paymentUrl: string; manageUrl: string; depositCents: number };
    }
  ).data;
}

async function openSimulator(page: Page, paymentUrl: string) {
  await page.goto(paymentUrl);
  await page.getByRole('button', { name: 'Pay £100 deposit' }).click();
  await expect(page.getByRole('note')).toHaveText(
    'Test payment: no money moves. This page stands in for Stripe Checkout.',
  );
}

test.describe('deposit payment (local simulator)', () => {
  test('paying the deposit confirms the booking', async ({ page, request }) => {
    const booking = await createHeldBooking(request, 18);
    await openSimulator(page, booking.paymentUrl);
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();
    await expect(page.getByTestId('payment-result')).toContainText('Deposit of £100 received');
    await page.getByRole('link', { name: 'View or manage your booking' }).click();
    await expect(page.getByTestId('booking-status')).toHaveText('Confirmed');
  });

  test('a declined payment offers a retry while the hold lasts', async ({ page, request }) => {
    const booking = await createHeldBooking(request, 19);
    await openSimulator(page, booking.paymentUrl);
    await page.getByRole('button', { name: 'Decline (test)' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Payment declined' })).toBeVisible();
    await page.getByRole('link', { name: 'Try the payment again' }).click();
    await page.getByRole('button', { name: 'Pay £100 deposit' }).click();
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();
  });

  test('cancelling a paid booking in time from the manage page refunds the deposit', async ({
    page,
    request,
  }) => {
    const booking = await createHeldBooking(request, 20);
    await openSimulator(page, booking.paymentUrl);
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();

    await page.goto(booking.manageUrl);
    await expect(page.getByTestId('booking-status')).toHaveText('Confirmed');
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('everything you paid will be refunded: your £100 deposit.');
    await dialog.getByRole('button', { name: 'Yes, cancel' }).click();
    await expect(page.getByTestId('refund-outcome')).toHaveText(
      'Your booking is cancelled. You cancelled at least 48 hours before the event, so everything you paid is refunded: your £100 deposit. £100 has been refunded to your card.',
    );
    await expect(page.getByTestId('booking-status')).toHaveText('Cancelled');
  });

  test('the webhook refuses an unsigned event and writes nothing', async ({ request }) => {
    const response = await request.post('/api/payments/stripe/webhook', {
      headers: { 'Stripe-Signature': 't=1,v1=forged', 'Content-Type': 'application/json' },
      data: { id: 'evt_forged', type: 'checkout.session.completed', data: { object: {} } },
    });
    expect(response.status()).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_FAILED',
    );
  });
});
