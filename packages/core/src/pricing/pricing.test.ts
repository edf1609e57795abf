import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { insertStation } from '../../test/factories';
import { calculateQuote, quotePrice } from '.';

const pricing = {
  adultPriceCents: 5000,
  childPriceCents: 2500,
  minimumCents: 50000,
  depositCents: 10000,
};

describe('calculateQuote', () => {
  it('prices adults and children in integer cents', () => {
    expect(calculateQuote(pricing, { adults: 10, children: 4 })).toEqual({
      lines: [
        { label: '10 adults × $50', amountCents: 50000 },
        { label: '4 children × $25', amountCents: 10000 },
      ],
      totalCents: 60000,
      depositCents: 10000,
      balanceCents: 50000,
    });
  });

  it('tops small parties up to the event minimum', () => {
    const quote = calculateQuote(pricing, { adults: 2, children: 1 });
    expect(quote.lines.at(-1)).toEqual({ label: 'Event minimum $500', amountCents: 37500 });
    expect(quote.totalCents).toBe(50000);
  });

  it('never asks a deposit larger than the total', () => {
    expect(
      calculateQuote(
        { ...pricing, minimumCents: 0, depositCents: 20000 },
        { adults: 1, children: 0 },
      ).depositCents,
    ).toBe(5000);
  });
});

describe('quotePrice', () => {
  beforeAll(async () => {
    const client = await connect();
    await client.query('TRUNCATE "Station" CASCADE');
    await insertStation(client, 'quotes');
    await client.end();
  });

  it('quotes from the station prices', async () => {
    const quote = await quotePrice({
      input: { station: 'quotes', adults: 12, children: 0, durationMinutes: 120 },
    });
    expect(quote.totalCents).toBe(60000);
  });

  it.each([
    [{ station: 'quotes', adults: 0, children: 0 }, 'adults'],
    [{ station: 'quotes', adults: 40, children: 11 }, 'children'],
    [{ station: 'quotes', adults: 4, price: 1 }, 'price'],
    [{ station: 'quotes', adults: 4, durationMinutes: 30 }, 'durationMinutes'],
    [{ station: 'nowhere', adults: 4 }, 'station'],
  ])('rejects %o on field %s', async (input, field) => {
    await expect(quotePrice({ input })).rejects.toMatchObject({
      status: 400,
      details: { [field]: expect.any(Array) },
    });
  });
});
