import { readPdf } from '../../test/pdf-text';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderProposalPdf, type ProposalDocument } from './proposal-pdf';

const HASH = 'c0ffee'.repeat(10) + 'beef';

/** Long terms (about 6,000 characters), with ligature pairs, symbols and accents. */
const LONG_TERMS = Array.from(
  { length: 30 },
  (_, index) =>
    `${index + 1}. The deposit of this booking is non-refundable within fifteen days of the event; ` +
    `the office confirms changes in writing. Prices in £, € and ¥ are final (clause ${index + 1}).`,
).join('\n\n');

function proposal(overrides: Partial<ProposalDocument> = {}): ProposalDocument {
  return {
    station: {
      name: 'Hibachi at Home Seattle',
      locale: 'en-US',
      currency: 'USD',
      timezone: 'America/Los_Angeles',
    },
    reference: 'HB-7QK3MD',
    proposalVersion: 2,
    issuedAt: new Date('2026-06-01T17:05:00Z'),
    customer: { name: 'Zoë Ångström', email: 'zoe@example.com', phone: '+1 206 555 0100' },
    event: {
      date: '2026-06-13',
      time: '17:30',
      durationMinutes: 120,
      addressLines: ['12 Pine St', 'Apt 4', 'Seattle 98101'],
      adults: 10,
      children: 2,
    },
    lines: [
      { label: 'Food', detail: '10 adults, 2 children', amountCents: 66_000 },
      { label: 'Travel', detail: '18 miles', amountCents: 2_550 },
      { label: 'Holiday surcharge', amountCents: 4_000 },
      { label: 'Returning guest discount', amountCents: -5_000 },
    ],
    totalCents: 67_550,
    depositCents: 10_000,
    paidCents: 2_500,
    menu: [
      { name: 'Chicken', quantity: 6 },
      { name: 'Filet mignon', quantity: 6 },
      { name: 'Gyoza', quantity: 2 },
    ],
    terms: { version: 3, sha256: HASH, text: 'Deposits are kept when cancelled within 7 days.' },
    acceptance: null,
    ...overrides,
  };
}

const withoutSpace = (text: string) => text.replace(/\s+/g, '');

describe('renderProposalPdf', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('prints the station, every priced line and the money as the station writes it', async () => {
    const { text } = await readPdf(await renderProposalPdf(proposal()));
    expect(text).toContain('Hibachi at Home Seattle');
    expect(text).toContain('Proposal');
    expect(text).not.toContain('Accepted proposal');
    expect(text).toContain('HB-7QK3MD · Proposal v2');
    expect(text).toContain('Issued June 1, 2026 at 10:05 AM PDT');
    for (const row of [
      'Food 10 adults, 2 children $660',
      'Travel 18 miles $25.50',
      'Holiday surcharge $40',
      'Returning guest discount -$50',
      'Total $675.50',
      'Deposit $100',
      'Paid $25',
      'Balance due $650.50',
    ])
      expect(text).toContain(row);
  });

  it('prints the customer, the event in the station’s zone and the menu', async () => {
    const { text } = await readPdf(await renderProposalPdf(proposal()));
    for (const value of [
      'Zoë Ångström',
      'zoe@example.com',
      '+1 206 555 0100',
      'Saturday, June 13, 2026',
      '5:30 – 7:30 PM PDT (2 h)',
      '12 Pine St',
      'Apt 4',
      'Seattle 98101',
      '10 adults, 2 children',
      '6 × Chicken',
      '6 × Filet mignon',
      '2 × Gyoza',
    ])
      expect(text).toContain(value);
  });

  it('writes a British station’s dates, pounds and A4 page', async () => {
    const bytes = await renderProposalPdf(
      proposal({
        station: {
          name: 'Hibachi London',
          locale: 'en-GB',
          currency: 'GBP',
          timezone: 'Europe/London',
        },
        lines: [{ label: 'Food', amountCents: 55_000 }],
        totalCents: 55_000,
        depositCents: 5_550,
      }),
    );
    const { text } = await readPdf(bytes);
    expect(text).toContain('Saturday, 13 June 2026');
    expect(text).toContain('17:30–19:30 BST');
    expect(text).toContain('Food £550');
    expect(text).toContain('Deposit £55.50');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
    // both faces embedded, each as a subset (a six-letter tag before the name)
    const fonts = [...raw.matchAll(/\/FontName \/[A-Z]{6}\+([\w-]+)/g)].map((match) => match[1]);
    expect(fonts.sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
  });

  it('prints yen without decimals for a Japanese station', async () => {
    const { text } = await readPdf(
      await renderProposalPdf(
        proposal({
          station: {
            name: 'Hibachi Tokyo',
            locale: 'ja-JP',
            currency: 'JPY',
            timezone: 'Asia/Tokyo',
          },
          lines: [{ label: 'Food', amountCents: 66_000 }],
          totalCents: 66_000,
          depositCents: 10_000,
          paidCents: 0,
        }),
      ),
    );
    // ja-JP writes the full-width "￥"; it prints as "¥", which the font has.
    expect(text).toContain('Total ¥66,000');
    expect(text).toContain('Deposit ¥10,000');
    expect(text).not.toMatch(/¥[\d,]+\.\d/);
  });

  it('prints the whole terms text, flowing onto numbered pages', async () => {
    const bytes = await renderProposalPdf(
      proposal({ terms: { version: 4, sha256: HASH, text: LONG_TERMS } }),
    );
    const { pages } = await readPdf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(Buffer.from(bytes).toString('latin1')).toContain('/MediaBox [0 0 612 792]');
    // Line wrapping and page footers aside, the text reads back character for character.
    const body = pages
      .map((page) => page.replace(/HB-7QK3MD · Proposal v2|Page \d+ of \d+/g, ''))
      .join(' ');
    expect(withoutSpace(body)).toContain(withoutSpace(LONG_TERMS));
    expect(body).toContain('Terms and conditions (version 4)');
    expect(body).toContain(`SHA-256 of these terms: ${HASH}`);
  });

  it('prints who accepted which terms and when, or that no one has yet', async () => {
    const accepted = await readPdf(
      await renderProposalPdf(
        proposal({
          // typed with a combining diaeresis: printed as the composed "ë"
          acceptance: {
            name: 'Zoe\u0308 Ångström',
            acceptedAt: new Date('2026-06-02T08:00:00Z'),
            termsVersion: 3,
            termsSha256: HASH,
          },
        }),
      ),
    );
    expect(accepted.text).toContain('Accepted proposal');
    expect(accepted.text).toContain('Accepted by Zoë Ångström');
    expect(accepted.text).toContain('On June 2, 2026 at 1:00 AM PDT');
    expect(accepted.text).toContain('Terms version 3');
    expect(accepted.text).toContain(`Terms SHA-256 ${HASH}`);
    expect(accepted.text).not.toContain('Not yet accepted');

    const open = await readPdf(await renderProposalPdf(proposal()));
    expect(open.text).toContain('Not yet accepted.');
    expect(open.text).not.toContain('Accepted by');
  });

  it('prints a character the font lacks as "?" instead of failing', async () => {
    const { text } = await readPdf(
      await renderProposalPdf(
        proposal({ customer: { name: 'Li Lei 李雷 🍣', email: 'li@example.com', phone: '1' } }),
      ),
    );
    expect(text).toContain('Li Lei ?? ?');
  });

  it('gives the same bytes for the same document, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2030-01-01T00:00:00Z') });
    const first = await renderProposalPdf(proposal());
    vi.setSystemTime(new Date('2031-07-04T12:34:56Z'));
    const second = await renderProposalPdf(proposal());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const raw = Buffer.from(first).toString('latin1');
    // the creation and modification dates, both the issue instant; no other date
    expect(raw.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20260601170500Z)', '(D:20260601170500Z)']);
  });

  it('gives different bytes when the version or a line changes', async () => {
    const base = Buffer.from(await renderProposalPdf(proposal()));
    const bumped = Buffer.from(await renderProposalPdf(proposal({ proposalVersion: 3 })));
    const [food, ...rest] = proposal().lines;
    const repriced = Buffer.from(
      await renderProposalPdf(
        proposal({
          lines: [{ label: 'Food', amountCents: (food?.amountCents ?? 0) + 100 }, ...rest],
        }),
      ),
    );
    expect(bumped.equals(base)).toBe(false);
    expect(repriced.equals(base)).toBe(false);
    expect((await readPdf(bumped)).text).toContain('HB-7QK3MD · Proposal v3');
  });
});
