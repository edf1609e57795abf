import { bookOpenSlot, expect, mailTo, test } from '../fixtures';

test.describe("customer e-mails (real SMTP to the run's mail sink)", () => {
  test('booking sends the held-booking e-mail; its manage link opens the booking; cancelling sends another', async ({
    page,
    request,
  }) => {
    const { body, response } = await bookOpenSlot(request, 'honolulu', 'Pacific/Honolulu', 21);
    expect(response.status()).toBe(201);
    const { reference } = ((await response.json()) as { data: { reference: string } }).data;
    const email = (body.customer as { email: string }).email;

    const [held] = await mailTo(email);
    expect(held!.subject).toBe(`Your hibachi booking ${reference}: pay the deposit to confirm`);
    expect(held!.text).toContain(`Booking   ${reference}`);
    expect(held!.text).toContain('(Honolulu time)');
    expect(held!.text).toMatch(
      /Pay the \$150 deposit to confirm it: http:\/\/localhost:3100\/pay\//,
    );

    const manageLink = /See or manage your booking: (\S+)/.exec(held!.text)![1]!;
    await page.goto(manageLink);
    await expect(page.getByTestId('booking-status')).toHaveText('Awaiting deposit');
    await page.getByRole('button', { name: 'Cancel booking' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, cancel' }).click();
    await expect(page.getByTestId('booking-status')).toHaveText('Cancelled');

    const [, cancelled] = await mailTo(email, 2);
    expect(cancelled!.subject).toBe(`Your hibachi booking ${reference} is cancelled`);
    expect(cancelled!.text).toContain('No payment was taken, so there is nothing to refund.');
    expect(cancelled!.messageId).not.toBe(held!.messageId);
  });
});
