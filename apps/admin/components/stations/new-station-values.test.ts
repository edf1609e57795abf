import { describe, expect, it } from 'vitest';
import { ZCreateStation } from '@hibachi/core/stations/station-settings.schema';
import { toCreateStationInput } from './new-station-values';

describe('the new station form', () => {
  it('sends the name, address and zone; the API fills the rest with the defaults', () => {
    const body = toCreateStationInput({
      name: 'San Diego',
      slug: 'san-diego',
      timezone: 'America/Los_Angeles',
    });
    expect(body).toEqual({ name: 'San Diego', slug: 'san-diego', timezone: 'America/Los_Angeles' });
    expect(ZCreateStation.safeParse(body).success).toBe(true);
  });
});
