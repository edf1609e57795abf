import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATION_SETTINGS,
  ZUpdateStationSettings,
  type TStationSettings,
} from '@hibachi/core/stations/station-settings.schema';
import {
  toStationSettingsInput,
  toStationSettingsValues,
  type StationSettingsValues,
} from './station-settings-values';

const TOKYO: TStationSettings = {
  ...DEFAULT_STATION_SETTINGS,
  name: 'Tokyo',
  timezone: 'Asia/Tokyo',
  currency: 'JPY',
  locale: 'ja-JP',
  country: 'JP',
  adultPriceCents: 8000,
  childPriceCents: 4000,
  minimumCents: 80000,
  depositCents: 10000,
  travelMode: 'ZONES',
  travelZones: [{ prefix: 'SW', label: 'South West', feeCents: 1500 }],
};
const saved = { settings: TOKYO, version: 3 };

describe('the station settings form', () => {
  it('shows yen without decimals and sends them back unchanged', () => {
    const values = toStationSettingsValues(TOKYO);
    expect(values.adultPriceCents).toBe('8000');
    expect(values.travelZones).toEqual([{ prefix: 'SW', label: 'South West', feeCents: '1500' }]);
    const body = toStationSettingsInput(values, saved);
    expect(body).toMatchObject({
      version: 3,
      adultPriceCents: 8000,
      depositCents: 10000,
      travelZones: [{ prefix: 'SW', label: 'South West', feeCents: 1500 }],
    });
    // What the form sends unchanged is what the API accepts.
    expect(ZUpdateStationSettings.safeParse(body).success).toBe(true);
  });

  it('reads amounts in the currency chosen on the form', () => {
    const values: StationSettingsValues = {
      ...toStationSettingsValues(TOKYO),
      currency: 'USD',
      adultPriceCents: '85.50',
      depositCents: '$1,200',
    };
    const body = toStationSettingsInput(values, saved);
    expect(body.adultPriceCents).toBe(8550);
    expect(body.depositCents).toBe(120000);
  });

  it('sends what a person cannot mean as NaN or null, for the schema to name', () => {
    const values: StationSettingsValues = {
      ...toStationSettingsValues(TOKYO),
      adultPriceCents: 'twelve',
      bufferMinutes: '',
      retentionYears: ' ',
      reviewUrl: '',
    };
    const body = toStationSettingsInput(values, saved);
    expect(body.adultPriceCents).toBeNaN();
    expect(body.bufferMinutes).toBeNaN();
    expect(body.retentionYears).toBeNull();
    expect(body.reviewUrl).toBeNull();
  });

  it('reads ticked boxes as true and boxes left out as false', () => {
    const values = toStationSettingsValues({ ...TOKYO, sendReminder: true, sendThankYou: false });
    expect(values.sendReminder).toBe('on');
    expect(values.sendThankYou).toBeUndefined();
    const body = toStationSettingsInput(values, saved);
    expect(body.sendReminder).toBe(true);
    expect(body.sendThankYou).toBe(false);
  });

  it('keeps the saved travel fields of the modes the form does not show', () => {
    const {
      travelZones: _zones,
      travelFreeMiles: _free,
      travelFeePerMileCents: _fee,
      travelMaxMiles: _max,
      travelOriginPostalCode: _origin,
      ...shown
    } = toStationSettingsValues(TOKYO);
    const body = toStationSettingsInput({ ...shown, travelMode: 'NONE' }, saved);
    expect(body.travelMode).toBe('NONE');
    expect(body.travelZones).toEqual(TOKYO.travelZones);
    expect(body.travelFeePerMileCents).toBe(TOKYO.travelFeePerMileCents);
    // Zones mode with every row removed sends none (the schema asks for one).
    const empty = toStationSettingsInput({ ...shown, travelMode: 'ZONES' }, saved);
    expect(empty.travelZones).toEqual([]);
  });
});
