import { beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { HIBACHI_MENU, insertMenu, insertStation } from '../../test/factories';
import { quotePrice } from '.';

let menu: Record<string, string>;
let otherMenu: Record<string, string>;

beforeAll(async () => {
  const client = await connect();
  await client.query('TRUNCATE "Station" CASCADE');
  const quotes = await insertStation(client, 'quotes');
  menu = await insertMenu(client, quotes, HIBACHI_MENU);
  const seattle = await insertStation(client, 'quotes-seattle');
  await client.query(
    `UPDATE "Station" SET "travelMode" = 'DISTANCE', "travelOriginPostalCode" = '98101',
       "travelFreeMiles" = 20, "travelFeePerMileCents" = 200, "travelMaxMiles" = 100, name = 'Seattle'
     WHERE id = $1`,
    [seattle],
  );
  const london = await insertStation(client, 'quotes-london');
  await client.query(
    `UPDATE "Station" SET currency = 'GBP', locale = 'en-GB', country = 'GB', "travelMode" = 'ZONES',
       name = 'London', "adultPriceCents" = 5500
     WHERE id = $1`,
    [london],
  );
  await client.query(
    `INSERT INTO "TravelZone" ("stationId", prefix, label, "feeCents")
     VALUES ($1, 'SW', 'south-west London', 0), ($1, 'E', 'east London', 1500), ($1, 'E1', 'Whitechapel', 0)`,
    [london],
  );
  otherMenu = await insertMenu(client, london, [
    { name: 'Wagyu', kind: 'UPGRADE', priceCents: 3000 },
  ]);
  await client.end();
});

describe('quotePrice', () => {
  it('quotes from the station prices', async () => {
    const quote = await quotePrice({
      input: { station: 'quotes', adults: 12, children: 0, durationMinutes: 120 },
    });
    expect(quote).toMatchObject({ currency: 'USD', totalCents: 60000, depositCents: 10000 });
  });

  it('prices the menu: upgrades per choice, extras per portion, an add-on per event', async () => {
    const quote = await quotePrice({
      input: {
        station: 'quotes',
        adults: 10,
        menu: [
          { itemId: menu['Chicken'], quantity: 12 },
          { itemId: menu['Filet mignon'], quantity: 5 },
          { itemId: menu['Lobster tail'], quantity: 3 },
          { itemId: menu['Noodles'], quantity: 4 },
          { itemId: menu['Gyoza platter'], quantity: 1 },
        ],
      },
    });
    expect(quote.lines.map((line) => line.label)).toEqual([
      '10 adults × $50',
      '5 × Filet mignon (+$10)',
      '3 × Lobster tail (+$15)',
      '4 × Noodles ($5)',
      'Gyoza platter ($40)',
    ]);
    expect(quote.totalCents).toBe(50000 + 5000 + 4500 + 2000 + 4000);
  });

  it('adds travel beyond the free radius and refuses an address outside the service area', async () => {
    // Puyallup (98375) is about 35 miles from downtown Seattle (98101), great-circle.
    const near = await quotePrice({
      input: { station: 'quotes-seattle', adults: 10, postalCode: '98375' },
    });
    expect(near.lines.at(-1)).toEqual({
      kind: 'TRAVEL',
      label: 'Travel, 15 mi beyond the free 20 ($2/mi)',
      amountCents: 3000,
    });
    expect(near.totalCents).toBe(53000);
    // Danville (99121), about 200 miles away, is past the 100-mile edge.
    await expect(
      quotePrice({ input: { station: 'quotes-seattle', adults: 10, postalCode: '99121' } }),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        postalCode: ['This address is about 200 miles from Seattle; we travel up to 100'],
      },
    });
    const unknown = await quotePrice({ input: { station: 'quotes-seattle', adults: 10 } });
    expect(unknown.travelNeedsAddress).toBe(true);
  });

  it('prices London in pounds, by postcode zone, the most specific zone first', async () => {
    const east = await quotePrice({
      input: { station: 'quotes-london', adults: 10, postalCode: 'e10 5np' },
    });
    expect(east.currency).toBe('GBP');
    expect(east.lines.map((line) => line.label)).toEqual([
      '10 adults × £55',
      'Travel, east London',
    ]);
    const whitechapel = await quotePrice({
      input: { station: 'quotes-london', adults: 10, postalCode: 'E1 6AN' },
    });
    expect(whitechapel.lines).toHaveLength(1);
    await expect(
      quotePrice({ input: { station: 'quotes-london', adults: 10, postalCode: 'M1 1AE' } }),
    ).rejects.toMatchObject({
      status: 400,
      details: { postalCode: ['London does not come to postcode M1 1AE: see the areas we serve'] },
    });
  });

  it.each([
    [{ station: 'quotes', adults: 0, children: 0 }, 'adults'],
    [{ station: 'quotes', adults: 40, children: 11 }, 'children'],
    [{ station: 'quotes', adults: 4, price: 1 }, 'price'],
    [{ station: 'quotes', adults: 4, durationMinutes: 30 }, 'durationMinutes'],
    [{ station: 'nowhere', adults: 4 }, 'station'],
    [{ station: 'quotes', adults: 4, menu: [{ itemId: 'x', quantity: 1 }] }, 'menu.0.itemId'],
    [
      {
        station: 'quotes',
        adults: 4,
        menu: [{ itemId: '00000000-0000-4000-8000-000000000000', quantity: 1 }],
      },
      'menu.0.itemId',
    ],
    [
      {
        station: 'quotes',
        adults: 4,
        menu: [{ itemId: '00000000-0000-4000-8000-000000000000', quantity: -2 }],
      },
      'menu.0.quantity',
    ],
    [
      {
        station: 'quotes',
        adults: 4,
        menu: [{ itemId: '00000000-0000-4000-8000-000000000000', quantity: 1e9 }],
      },
      'menu.0.quantity',
    ],
    [{ station: 'quotes', adults: 4, postalCode: 12345 }, 'postalCode'],
  ])('rejects %o on field %s', async (input, field) => {
    await expect(quotePrice({ input })).rejects.toMatchObject({
      status: 400,
      details: { [field]: expect.any(Array) },
    });
  });

  it('refuses items of another station, too many proteins and an add-on twice, at their fields', async () => {
    await expect(
      quotePrice({
        input: {
          station: 'quotes',
          adults: 2,
          menu: [{ itemId: otherMenu['Wagyu'], quantity: 4 }],
        },
      }),
    ).rejects.toMatchObject({ details: { 'menu.0.itemId': ['Not on this menu'] } });
    await expect(
      quotePrice({
        input: { station: 'quotes', adults: 2, menu: [{ itemId: menu['Chicken'], quantity: 5 }] },
      }),
    ).rejects.toMatchObject({
      details: { menu: ['Choose 4 proteins (2 for each of 2 adults), or leave them for later'] },
    });
    await expect(
      quotePrice({
        input: {
          station: 'quotes',
          adults: 2,
          menu: [{ itemId: menu['Gyoza platter'], quantity: 2 }],
        },
      }),
    ).rejects.toMatchObject({ details: { 'menu.0.quantity': ['Once per event'] } });
    await expect(
      quotePrice({
        input: {
          station: 'quotes',
          adults: 2,
          children: 1,
          menu: [{ itemId: menu['Kids chicken'], quantity: 2 }],
        },
      }),
    ).rejects.toMatchObject({ details: { menu: [expect.stringContaining('per child')] } });
  });
});
