import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesFor } from '../menu/menu-selection';
import type { TMenuItemKind, TMenuLine } from '../menu/menu.schema';
import { US_DOLLARS } from '../money/format-money';
import { calculateQuote, type QuotePrices } from './calculate-quote';

const prices: QuotePrices = {
  adultPriceCents: 5000,
  childPriceCents: 2500,
  minimumCents: 50000,
  depositCents: 10000,
};
const POUNDS = { currency: 'GBP', locale: 'en-GB' };
const item = (id: number, kind: TMenuItemKind, priceCents: number) => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  kind,
  name: `${kind.toLowerCase()} ${id}`,
  priceCents,
});

describe('calculateQuote', () => {
  it('prices adults and children in integer minor units', () => {
    expect(
      calculateQuote({ prices, money: US_DOLLARS, party: { adults: 10, children: 4 } }),
    ).toEqual({
      currency: 'USD',
      lines: [
        { kind: 'GUESTS', label: '10 adults × $50', amountCents: 50000 },
        { kind: 'GUESTS', label: '4 children × $25', amountCents: 10000 },
      ],
      totalCents: 60000,
      depositCents: 10000,
      balanceCents: 50000,
    });
  });

  it('writes every line in the station currency, with upgrades, extras, add-ons and travel', () => {
    const lines: TMenuLine[] = [
      {
        itemId: item(1, 'PROTEIN', 0).id,
        kind: 'PROTEIN',
        name: 'Chicken',
        unitPriceCents: 0,
        quantity: 12,
      },
      {
        itemId: item(2, 'UPGRADE', 0).id,
        kind: 'UPGRADE',
        name: 'Filet mignon',
        unitPriceCents: 1000,
        quantity: 4,
      },
      {
        itemId: item(3, 'UPGRADE', 0).id,
        kind: 'UPGRADE',
        name: 'Lobster tail',
        unitPriceCents: 1500,
        quantity: 4,
      },
      {
        itemId: item(4, 'ADDON', 0).id,
        kind: 'ADDON',
        name: 'Gyoza platter',
        unitPriceCents: 4000,
        quantity: 1,
      },
      {
        itemId: item(5, 'EXTRA', 0).id,
        kind: 'EXTRA',
        name: 'Noodles',
        unitPriceCents: 550,
        quantity: 3,
      },
    ];
    const quote = calculateQuote({
      prices: { ...prices, adultPriceCents: 5500 },
      money: POUNDS,
      party: { adults: 10, children: 0 },
      lines,
      travel: { feeCents: 2500, label: 'Travel, Zone 3' },
    });
    expect(quote.lines.map((line) => [line.label, line.amountCents])).toEqual([
      ['10 adults × £55', 55000],
      ['4 × Filet mignon (+£10)', 4000],
      ['4 × Lobster tail (+£15)', 6000],
      ['Gyoza platter (£40)', 4000],
      ['3 × Noodles (£5.50)', 1650],
      ['Travel, Zone 3', 2500],
    ]);
    expect(quote).toMatchObject({ currency: 'GBP', totalCents: 73150, balanceCents: 63150 });
  });

  it('tops small parties up to the event minimum, before travel', () => {
    const quote = calculateQuote({
      prices,
      money: US_DOLLARS,
      party: { adults: 2, children: 1 },
      travel: { feeCents: 3000, label: 'Travel, 15 mi beyond the free 20 ($2/mi)' },
    });
    expect(quote.lines.slice(-2)).toEqual([
      { kind: 'MINIMUM', label: 'Event minimum $500', amountCents: 37500 },
      { kind: 'TRAVEL', label: 'Travel, 15 mi beyond the free 20 ($2/mi)', amountCents: 3000 },
    ]);
    expect(quote.totalCents).toBe(53000);
  });

  it('never asks a deposit larger than the total', () => {
    const quote = calculateQuote({
      prices: { ...prices, minimumCents: 0, depositCents: 20000 },
      money: US_DOLLARS,
      party: { adults: 1, children: 0 },
    });
    expect(quote.depositCents).toBe(5000);
  });
});

const kinds = fc.constantFrom<TMenuItemKind>('PROTEIN', 'UPGRADE', 'EXTRA', 'ADDON', 'KIDS');
const arbitraryPrices = fc.record({
  adultPriceCents: fc.integer({ min: 0, max: 50_000 }),
  childPriceCents: fc.integer({ min: 0, max: 50_000 }),
  minimumCents: fc.integer({ min: 0, max: 500_000 }),
  depositCents: fc.integer({ min: 0, max: 500_000 }),
});
const arbitraryLines = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 999 }),
    kind: kinds,
    unitPriceCents: fc.integer({ min: 0, max: 100_000 }),
    quantity: fc.integer({ min: 1, max: 200 }),
  }),
  { selector: (line) => line.id, maxLength: 12 },
);
const arbitraryParty = fc.record({
  adults: fc.integer({ min: 1, max: 50 }),
  children: fc.integer({ min: 0, max: 49 }),
});
const arbitraryTravel = fc.option(
  fc.record({ feeCents: fc.integer({ min: 0, max: 100_000 }), label: fc.constant('Travel') }),
);
const toLines = (
  raw: { id: number; kind: TMenuItemKind; unitPriceCents: number; quantity: number }[],
) =>
  raw.map((line): TMenuLine => ({
    itemId: item(line.id, line.kind, line.unitPriceCents).id,
    kind: line.kind,
    name: `item ${line.id}`,
    unitPriceCents: line.unitPriceCents,
    quantity: line.quantity,
  }));

describe('the quote arithmetic (properties)', () => {
  const money = fc.constantFrom(US_DOLLARS, POUNDS, { currency: 'JPY', locale: 'ja-JP' });

  it('adds its lines up to the total, holds the minimum for the food, and never asks a deposit above the total', () => {
    fc.assert(
      fc.property(
        arbitraryPrices,
        arbitraryParty,
        arbitraryLines,
        arbitraryTravel,
        money,
        (p, party, raw, travel, m) => {
          const quote = calculateQuote({ prices: p, money: m, party, lines: toLines(raw), travel });
          const sum = quote.lines.reduce((total, line) => total + line.amountCents, 0);
          expect(sum).toBe(quote.totalCents);
          const food = quote.lines
            .filter((line) => line.kind !== 'TRAVEL')
            .reduce((total, line) => total + line.amountCents, 0);
          expect(food).toBeGreaterThanOrEqual(p.minimumCents);
          expect(quote.depositCents).toBeLessThanOrEqual(quote.totalCents);
          expect(quote.depositCents + quote.balanceCents).toBe(quote.totalCents);
          for (const line of quote.lines) {
            expect(Number.isInteger(line.amountCents)).toBe(true);
            expect(line.amountCents).toBeGreaterThanOrEqual(0);
          }
          expect(quote.currency).toBe(m.currency);
        },
      ),
    );
  });

  it('keeps a booking price when the menu prices change later (the lines are snapshots)', () => {
    fc.assert(
      fc.property(
        arbitraryPrices,
        arbitraryParty,
        arbitraryLines.filter((lines) => lines.length > 0),
        fc.integer({ min: 0, max: 100_000 }),
        (p, party, raw, newPrice) => {
          const items = raw.map((line) => item(line.id, line.kind, line.unitPriceCents));
          const choices = raw.map((line) => ({
            itemId: item(line.id, line.kind, 0).id,
            quantity: line.quantity,
          }));
          const booked = linesFor(choices, items);
          const before = calculateQuote({ prices: p, money: US_DOLLARS, party, lines: booked });
          // The station reprices every item; the booking's change (same choices) reads its own lines.
          const repriced = items.map((menuItem) => ({ ...menuItem, priceCents: newPrice }));
          const after = calculateQuote({
            prices: p,
            money: US_DOLLARS,
            party,
            lines: linesFor(choices, repriced, booked),
          });
          expect(after).toEqual(before);
        },
      ),
    );
  });
});
