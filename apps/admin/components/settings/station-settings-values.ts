import type {
  TStationSettings,
  TUpdateStationSettings,
} from '@hibachi/core/stations/station-settings.schema';
import {
  isTicked,
  toAmountText,
  toMinorUnits,
  toNullableNumber,
  toNullableText,
  toWholeNumber,
} from '@hibachi/web/form-values';

type Text = string;
type ZoneValues = { prefix?: Text; label?: Text; feeCents?: Text };

/**
 * The settings form as text, named as the API's body is (so its messages land on their
 * fields); amounts in major units of the currency. Travel fields are there only for their
 * travel mode, and a ticked box sends "on", an unticked one nothing.
 */
export type StationSettingsValues = {
  name: Text;
  timezone: Text;
  firstStart: Text;
  lastStart: Text;
  slotIntervalMinutes: Text;
  bufferMinutes: Text;
  holdMinutes: Text;
  staffHoldHours: Text;
  minimumNoticeHours: Text;
  cancellationNoticeHours: Text;
  rescheduleNoticeHours: Text;
  rescheduleLimit: Text;
  retentionYears: Text;
  reminderDays: Text;
  reviewUrl: Text;
  adultPriceCents: Text;
  childPriceCents: Text;
  minimumCents: Text;
  depositCents: Text;
  currency: Text;
  locale: Text;
  country: Text;
  proteinsPerAdult: Text;
  menuLockHours: Text;
  travelMode: Text;
  travelOriginPostalCode?: Text;
  travelFreeMiles?: Text;
  travelFeePerMileCents?: Text;
  travelMaxMiles?: Text;
  travelZones?: ZoneValues[];
  sendReminder?: Text;
  sendDayBefore?: Text;
  sendThankYou?: Text;
  allowPartialBalance?: Text;
  chefsMayComplete?: Text;
};

const TRAVEL_MODES = ['NONE', 'DISTANCE', 'ZONES'] as const;
const ticked = (value: boolean) => (value ? 'on' : undefined);

/** What the form shows for the settings as saved. */
export function toStationSettingsValues(settings: TStationSettings): StationSettingsValues {
  const { currency } = settings;
  return {
    name: settings.name,
    timezone: settings.timezone,
    firstStart: settings.firstStart,
    lastStart: settings.lastStart,
    slotIntervalMinutes: String(settings.slotIntervalMinutes),
    bufferMinutes: String(settings.bufferMinutes),
    holdMinutes: String(settings.holdMinutes),
    staffHoldHours: String(settings.staffHoldHours),
    minimumNoticeHours: String(settings.minimumNoticeHours),
    cancellationNoticeHours: String(settings.cancellationNoticeHours),
    rescheduleNoticeHours: String(settings.rescheduleNoticeHours),
    rescheduleLimit: String(settings.rescheduleLimit),
    retentionYears: settings.retentionYears === null ? '' : String(settings.retentionYears),
    reminderDays: String(settings.reminderDays),
    reviewUrl: settings.reviewUrl ?? '',
    adultPriceCents: toAmountText(settings.adultPriceCents, currency),
    childPriceCents: toAmountText(settings.childPriceCents, currency),
    minimumCents: toAmountText(settings.minimumCents, currency),
    depositCents: toAmountText(settings.depositCents, currency),
    currency,
    locale: settings.locale,
    country: settings.country,
    proteinsPerAdult: String(settings.proteinsPerAdult),
    menuLockHours: String(settings.menuLockHours),
    travelMode: settings.travelMode,
    travelOriginPostalCode: settings.travelOriginPostalCode ?? '',
    travelFreeMiles: String(settings.travelFreeMiles),
    travelFeePerMileCents: toAmountText(settings.travelFeePerMileCents, currency),
    travelMaxMiles: settings.travelMaxMiles === null ? '' : String(settings.travelMaxMiles),
    travelZones: settings.travelZones.map((zone) => ({
      prefix: zone.prefix,
      label: zone.label,
      feeCents: toAmountText(zone.feeCents, currency),
    })),
    sendReminder: ticked(settings.sendReminder),
    sendDayBefore: ticked(settings.sendDayBefore),
    sendThankYou: ticked(settings.sendThankYou),
    allowPartialBalance: ticked(settings.allowPartialBalance),
    chefsMayComplete: ticked(settings.chefsMayComplete),
  };
}

/**
 * `PUT …/settings`: every setting at the version the form was opened with. Amounts are read
 * in the currency chosen on the form; a travel field the form does not show (another travel
 * mode) keeps its saved value.
 */
export function toStationSettingsInput(
  values: StationSettingsValues,
  saved: { settings: TStationSettings; version: number },
): TUpdateStationSettings {
  const { settings } = saved;
  const currency = values.currency || settings.currency;
  const money = (text: Text | undefined, whenEmpty?: number) =>
    toMinorUnits(text, currency, whenEmpty);
  const travelMode = TRAVEL_MODES.find((mode) => mode === values.travelMode) ?? settings.travelMode;
  return {
    version: saved.version,
    name: values.name,
    timezone: values.timezone,
    firstStart: values.firstStart,
    lastStart: values.lastStart,
    slotIntervalMinutes: toWholeNumber(values.slotIntervalMinutes),
    bufferMinutes: toWholeNumber(values.bufferMinutes),
    holdMinutes: toWholeNumber(values.holdMinutes),
    staffHoldHours: toWholeNumber(values.staffHoldHours),
    minimumNoticeHours: toWholeNumber(values.minimumNoticeHours),
    cancellationNoticeHours: toWholeNumber(values.cancellationNoticeHours),
    rescheduleNoticeHours: toWholeNumber(values.rescheduleNoticeHours),
    rescheduleLimit: toWholeNumber(values.rescheduleLimit),
    reminderDays: toWholeNumber(values.reminderDays),
    sendReminder: isTicked(values.sendReminder),
    sendDayBefore: isTicked(values.sendDayBefore),
    sendThankYou: isTicked(values.sendThankYou),
    allowPartialBalance: isTicked(values.allowPartialBalance),
    chefsMayComplete: isTicked(values.chefsMayComplete),
    retentionYears: toNullableNumber(values.retentionYears),
    reviewUrl: toNullableText(values.reviewUrl),
    adultPriceCents: money(values.adultPriceCents),
    childPriceCents: money(values.childPriceCents),
    minimumCents: money(values.minimumCents),
    depositCents: money(values.depositCents),
    currency,
    locale: values.locale,
    country: values.country,
    proteinsPerAdult: toWholeNumber(values.proteinsPerAdult),
    menuLockHours: toWholeNumber(values.menuLockHours),
    travelMode,
    travelOriginPostalCode: values.travelOriginPostalCode ?? settings.travelOriginPostalCode,
    travelFreeMiles:
      values.travelFreeMiles === undefined
        ? settings.travelFreeMiles
        : toWholeNumber(values.travelFreeMiles),
    travelFeePerMileCents:
      values.travelFeePerMileCents === undefined
        ? settings.travelFeePerMileCents
        : money(values.travelFeePerMileCents, 0),
    travelMaxMiles:
      values.travelMaxMiles === undefined
        ? settings.travelMaxMiles
        : toNullableNumber(values.travelMaxMiles),
    travelZones:
      travelMode === 'ZONES'
        ? (values.travelZones ?? []).map((zone) => ({
            prefix: zone.prefix ?? '',
            label: zone.label ?? '',
            feeCents: money(zone.feeCents, 0),
          }))
        : settings.travelZones,
  };
}
