import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { formatMoney, US_DOLLARS } from '@hibachi/core/money/format-money';
import { expectNoAxeViolations } from '../axe';
import { addressFor, bookingBody, expect, mailAbout, openSlot, test } from '../fixtures';
import { ADMIN_PORT, CUSTOMER_PORT } from '../ports';
import { manager, signIn, staff } from './admin-fixtures';

const STATION = 'anchorage';
const TZ = 'America/Anchorage';
const CUSTOMER_SITE = `http://localhost:${CUSTOMER_PORT}`;
const money = (cents: number) => formatMoney(cents, US_DOLLARS);

type Detail = {
  totalCents: number;
  priceLines: { kind: string; label: string; amountCents: number }[];
};
type Terms = { version: number; sha256: string; body: string };

/** The customer site, from an address of its own (its rate limits are per address). */
async function customerSite(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: CUSTOMER_SITE,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`proposals:${Math.random()}`) },
  });
}

async function detailOf(api: APIRequestContext, id: string): Promise<Detail> {
  const response = await api.get(`/api/admin/bookings/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { data: Detail }).data;
}

// One story on Anchorage's terms (no other spec books there, so publishing its terms changes nothing another spec reads): the acceptance of the first test is what the second publishes
// a version over, so they run in order.
test.describe.configure({ mode: 'serial' });

let booking: { id: string; reference: string; date: string; termsVersion: number } | undefined;

test.describe('phone orders, proposals and discounts', () => {
  test('staff take a phone order with a discount, follow its proposal and add a surcharge', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await signIn(page, staff(STATION));
    const customer = await customerSite();
    // A phone order through the admin API, as the New booking page sends it.
    const discount = {
      kind: 'DISCOUNT',
      percent: 10,
      label: 'Neighbour discount',
      reason: 'Third party this year, asked on the phone',
    };
    let created:
      { id: string; reference: string; proposalUrl: string; totalCents: number } | undefined;
    let body: ReturnType<typeof bookingBody> | undefined;
    let date = '';
    for (let attempt = 0; attempt < 3 && !created; attempt += 1) {
      const slot = await openSlot(customer, STATION, TZ, 20);
      date = slot.date;
      body = bookingBody({ station: STATION, ...slot, adjustments: [discount] });
      const response = await page.request.post('/api/admin/bookings', { data: body });
      // Another test may take the time between reading availability and booking it.
      if (response.status() === 409) continue;
      expect(response.status(), await response.text()).toBe(201);
      created = ((await response.json()) as { data: typeof created }).data;
    }
    if (!created || !body) throw new Error('Could not take a phone order in Anchorage');
    const email = body.customer.email;

    await page.goto(`/bookings/${created.id}`);
    await expect(page.getByRole('heading', { name: new RegExp(created.reference) })).toBeVisible();
    await expect(page.getByTestId('booking-source')).toHaveText(
      'Phone order taken by Anchorage Staff',
    );
    // The discount is 10% of the price before it, on the price lines and in the list.
    const before = await detailOf(page.request, created.id);
    const line = before.priceLines.find((candidate) => candidate.kind === 'DISCOUNT');
    expect(line?.amountCents).toBe(
      -Math.round((before.totalCents - (line?.amountCents ?? 0)) / 10),
    );
    const moneyCard = page.getByRole('region', { name: 'Money', exact: true });
    await expect(moneyCard.getByRole('row', { name: /Neighbour discount \(10%\)/ })).toContainText(
      money(line?.amountCents ?? 0),
    );
    const adjustments = page.getByRole('region', { name: 'Discounts and surcharges' });
    const given = adjustments.getByTestId('adjustment');
    await expect(given).toHaveCount(1);
    await expect(given).toContainText('Neighbour discount −10%');
    await expect(given).toContainText('Reason: Third party this year, asked on the phone');
    await expect(given).toContainText('Discount by Anchorage Staff');

    // The proposal waits for the customer; its link is on the customer site, ready to send.
    const proposal = page.getByRole('region', { name: 'Proposal', exact: true });
    await expect(proposal).toContainText('Version 1');
    await expect(page.getByTestId('proposal-status')).toHaveText(
      'Waiting for the customer to accept',
    );
    const link = `${CUSTOMER_SITE}${created.proposalUrl}`;
    await expect(proposal.getByLabel(/Proposal link/)).toHaveValue(link);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: `http://localhost:${ADMIN_PORT}`,
    });
    await proposal.getByRole('button', { name: 'Copy link' }).click();
    await expect(proposal.getByRole('status')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await proposal.getByRole('button', { name: 'Send proposal by e-mail' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Proposal e-mailed' })).toHaveText(
      `Proposal e-mailed to ${email}.`,
    );
    const sent = await mailAbout(email, `proposal ${created.reference} from Anchorage`);
    expect(sent.text).toContain(`/proposal/${created.reference}?token=`);

    // The customer accepts version 1 under the current terms (the customer API, as their page).
    const terms = (await (await customer.get(`/api/stations/${STATION}/terms`)).json()) as {
      data: Terms;
    };
    const token = new URL(link).searchParams.get('token');
    const accepted = await customer.post(`/api/bookings/${created.reference}/acceptance`, {
      data: {
        token,
        name: 'Pat Example',
        agree: true,
        termsVersion: terms.data.version,
        proposalVersion: 1,
        totalCents: created.totalCents,
      },
    });
    expect(accepted.status(), await accepted.text()).toBe(201);
    await customer.dispose();
    await page.reload();
    const acceptedText = new RegExp(
      `^Accepted by Pat Example on .+ \\(terms v${terms.data.version}, SHA-256 ${terms.data.sha256.slice(0, 12)}…\\)$`,
    );
    await expect(page.getByTestId('proposal-status')).toHaveText(acceptedText);

    // The terms open exactly as accepted: the same text, and its SHA-256 matches.
    await proposal
      .getByRole('button', { name: `Open the terms v${terms.data.version} as accepted` })
      .click();
    const termsDialog = page.getByRole('dialog', { name: `Terms, version ${terms.data.version}` });
    await expect(
      termsDialog.getByText('This is the exact text the customer accepted.'),
    ).toBeVisible();
    await expect(termsDialog).toContainText(terms.data.sha256);
    await expect(termsDialog.getByRole('document')).toContainText(
      terms.data.body.split('\n')[0] ?? '',
    );
    await expectNoAxeViolations(page, 'the terms as accepted');
    await page.keyboard.press('Escape');
    await expect(termsDialog).toBeHidden();

    // A surcharge: the form answers a missing reason in the browser, then the price changes and
    // the customer is asked to accept version 2; the first acceptance stays in the history.
    await adjustments.getByRole('button', { name: 'Add discount or surcharge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a discount or surcharge' });
    await expectNoAxeViolations(page, 'the adjustment dialog');
    await dialog.getByLabel('Surcharge', { exact: true }).check();
    await dialog.getByLabel('An amount in USD').check();
    await dialog.getByLabel('Amount (USD)').fill('50');
    await dialog.getByLabel('Label the customer sees (optional)').fill('Late-night service');
    await dialog.getByRole('button', { name: 'Add to the price' }).click();
    const reason = dialog.getByLabel(/^Reason/);
    await expect(reason).toHaveAccessibleDescription('Say why (at least 3 characters)');
    await expect(reason).toBeFocused();
    await reason.fill('Starts after 9 pm');
    await dialog.getByRole('button', { name: 'Add to the price' }).click();
    const total = before.totalCents + 5_000;
    await expect(page.getByRole('status').filter({ hasText: 'Surcharge added' })).toHaveText(
      `Surcharge added: the total is now ${money(total)}. The customer is e-mailed proposal version 2 to accept.`,
    );
    await expect(moneyCard.getByRole('row', { name: /^Total/ })).toContainText(money(total));
    await expect(moneyCard.getByRole('row', { name: /Late-night service/ })).toContainText('$50');
    await expect(given).toHaveCount(2);
    await expect(given.nth(1)).toContainText('Late-night service +$50');
    await expect(proposal).toContainText('Version 2');
    await expect(page.getByTestId('proposal-status')).toHaveText(
      'Waiting for the customer to accept',
    );
    await expect(proposal.getByTestId('acceptance')).toHaveCount(1);
    await expect(proposal.getByTestId('acceptance')).toContainText(
      `Version 1, total ${money(before.totalCents)}: Accepted by Pat Example`,
    );

    // Paid in cash at the door (the whole balance): a discount below it is refused in words.
    await page.getByRole('button', { name: 'Record payment' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Payment recorded' })).toBeVisible();
    await expect(page.getByTestId('balance-due')).toHaveText('$0');
    await adjustments.getByRole('button', { name: 'Add discount or surcharge' }).click();
    await dialog.getByLabel('Percent', { exact: true }).fill('100');
    await dialog.getByLabel(/^Reason/).fill('Trying to give it away');
    await dialog.getByRole('button', { name: 'Add to the price' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      `below the ${money(total)} already paid. Give a smaller discount, or refund part of the payment first.`,
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(given).toHaveCount(2);

    booking = {
      id: created.id,
      reference: created.reference,
      date,
      termsVersion: terms.data.version,
    };

    // The discounts card of the event's day names who gave what.
    await page.goto(`/dashboard?range=custom&from=${booking.date}&to=${booking.date}`);
    const card = page.getByRole('region', { name: 'Discounts given' });
    const row = card.getByRole('row', { name: /Anchorage Staff/ });
    await expect(row).toContainText(`1 discount, ${money(-(line?.amountCents ?? 0))} off`);
    await expect(row).toContainText('1 surcharge, $50 added');
    await expect(card.getByTestId('discounts-total')).toContainText(
      `${money(-(line?.amountCents ?? 0))} off and $50 added on 1 booking`,
    );
  });

  test('a manager publishes new terms as a new version; the accepted booking keeps its own', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    if (!booking) throw new Error('The phone order test did not get as far as the payment');
    await signIn(page, manager(STATION));
    const history = (await (await page.request.get(`/api/admin/stations/${STATION}/terms`)).json())
      .data as { current: Terms; versions: { version: number; acceptances: number }[] };
    const previous = history.current.version;
    const next = previous + 1;

    await page.goto('/settings');
    const terms = page.getByRole('region', { name: 'Terms', exact: true });
    await expect(terms.getByTestId('terms-current')).toContainText(`Current: version ${previous}`);
    const text = `${history.current.body}\n9. Photos. The chef asks before taking photos of the party.`;
    const editor = terms.getByLabel('Terms text');
    await editor.fill(text);
    await expect(terms.getByTestId('terms-length')).toHaveText(
      `${text.length.toLocaleString('en-US')} of 20,000 characters`,
    );
    await terms.getByRole('button', { name: `Publish as version ${next}` }).click();
    await expect(terms.getByRole('status')).toHaveText(`Published as version ${next}.`);
    await expect(terms.getByTestId('terms-current')).toContainText(`Current: version ${next}`);
    const rows = terms.getByTestId('terms-version');
    await expect(rows.first()).toContainText(`${next} (current)`);
    await expect(rows.first()).toContainText('Anchorage Manager');
    // The version the phone order was accepted under still counts its acceptance.
    const accepted = rows.filter({
      has: page.getByRole('cell', { name: String(booking.termsVersion), exact: true }),
    });
    await expect(accepted.getByRole('cell').nth(3)).not.toHaveText('0');
    await expectNoAxeViolations(page, 'settings with the terms editor');

    await terms.getByRole('button', { name: `Open version ${next}` }).click();
    const dialog = page.getByRole('dialog', { name: `Terms, version ${next}` });
    await expect(dialog.getByRole('document')).toContainText('9. Photos. The chef asks before');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The same text again publishes nothing.
    await terms.getByRole('button', { name: `Publish as version ${next + 1}` }).click();
    await expect(terms.getByRole('status')).toHaveText(
      `The text is the same as version ${next}: nothing was published.`,
    );

    // The booking accepted before still shows the version it accepted, and opens that text.
    await page.goto(`/bookings/${booking.id}`);
    const acceptance = page.getByTestId('acceptance');
    await expect(acceptance).toContainText(`terms v${booking.termsVersion}, SHA-256`);
    await acceptance
      .getByRole('button', { name: `Open the terms v${booking.termsVersion} as accepted` })
      .click();
    await expect(
      page
        .getByRole('dialog', { name: `Terms, version ${booking.termsVersion}` })
        .getByRole('document'),
    ).not.toContainText('9. Photos.');
  });
});
