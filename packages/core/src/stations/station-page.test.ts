import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetStation } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { HIBACHI_MENU, insertMenu } from '../../test/factories';
import { getStationPage, menuSections, stationStructuredData } from './station-page';

/**
 * What schema.org and the search engines' guidelines require of each type the page emits
 * (Google's required properties for LocalBusiness, FAQPage, Menu): every object of a listed
 * type must have them, and no other type may appear.
 */
const REQUIRED: Record<string, string[]> = {
  FoodEstablishment: ['name', 'address', 'url', 'servesCuisine'],
  PostalAddress: ['addressLocality', 'addressCountry'],
  City: ['name'],
  OpeningHoursSpecification: ['dayOfWeek', 'opens', 'closes'],
  Menu: ['hasMenuSection'],
  MenuSection: ['name', 'hasMenuItem'],
  MenuItem: ['name', 'offers'],
  Offer: ['price', 'priceCurrency'],
  FAQPage: ['mainEntity'],
  Question: ['name', 'acceptedAnswer'],
  Answer: ['text'],
};

function problems(node: unknown, path = '$'): string[] {
  if (Array.isArray(node))
    return node.flatMap((item, index) => problems(item, `${path}[${index}]`));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const found: string[] = [];
  const type = record['@type'];
  if (typeof type === 'string') {
    const required = REQUIRED[type];
    if (!required) found.push(`${path}: unexpected type ${type}`);
    for (const property of required ?? [])
      if (record[property] === undefined || record[property] === '' || record[property] === null)
        found.push(`${path} (${type}): no ${property}`);
  }
  for (const [key, value] of Object.entries(record))
    found.push(...problems(value, `${path}.${key}`));
  return found;
}

describe('station pages', () => {
  let client: pg.Client;
  beforeEach(async () => {
    client = await connect();
    return () => client.end();
  });

  it('answer from the station’s own settings, with valid structured data', async () => {
    const { stationId } = await resetStation(client, 1);
    await insertMenu(client, stationId, HIBACHI_MENU);
    await client.query(
      `UPDATE "Station" SET "depositCents" = 15000, "cancellationNoticeHours" = 72,
              "travelMode" = 'DISTANCE', "travelFreeMiles" = 20, "travelFeePerMileCents" = 150,
              "travelOriginPostalCode" = '10001', version = version + 1 WHERE id = $1`,
      [stationId],
    );
    const page = (await getStationPage('test-station'))!;
    expect(page.name).toBe('Test Station');
    const answers = Object.fromEntries(page.faq.map((entry) => [entry.question, entry.answer]));
    expect(answers['How does the deposit work?']).toContain('$150');
    expect(answers['Can I cancel?']).toContain('72 hours');
    expect(answers['Where do you cook?']).toContain('first 20 miles, then $1.50 a mile');
    expect(menuSections(page.menu).map((section) => section.name)[0]).toBe('Proteins (included)');

    const data = stationStructuredData(page, 'https://hibachi.example/locations/test-station');
    expect(data.map((node) => node['@type'])).toEqual(['FoodEstablishment', 'FAQPage']);
    expect(problems(data)).toEqual([]);
    const business = data[0]!;
    expect(business).toMatchObject({
      areaServed: { name: 'Test Station' },
      address: { addressCountry: 'US' },
      currenciesAccepted: 'USD',
    });
    expect(JSON.stringify(business)).toContain('"price":"10.00"');
    expect(JSON.stringify(data)).not.toMatch(/rating|review/i);
    expect((data[1]!.mainEntity as unknown[]).length).toBe(page.faq.length);
    // Unknown or closed stations have no page.
    expect(await getStationPage('nowhere')).toBeUndefined();
    expect(await getStationPage('../etc')).toBeUndefined();
  });
});
