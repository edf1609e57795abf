import { csvRow } from '../http/csv';
import { MENU_KIND_LABELS } from '../menu/menu.schema';
import { toMajorUnits } from '../money/format-money';
import type { TPrepSheet } from './prep-sheet.schema';

const HEADER = [
  'section',
  'reference',
  'time',
  'chef',
  'customer',
  'phone',
  'address',
  'adults',
  'children',
  'item',
  'kind',
  'quantity',
  'final',
  'dietary',
  'requests',
  'balance',
  'currency',
];

/**
 * The prep sheet as CSV: a row per event and item (an event without choices yet gets one row),
 * then the day's totals per item (`section` = total), amounts in major units of the station's
 * currency; formula-safe cells (see csv.ts).
 */
export function prepSheetCsv(sheet: TPrepSheet): string {
  const { currency } = sheet.station;
  const rows = [csvRow(HEADER)];
  for (const event of sheet.events) {
    const common = [
      event.reference,
      event.time,
      event.chef.name,
      event.customer.name,
      event.customer.phone,
      [event.address.line1, event.address.line2, event.address.city, event.address.postalCode]
        .filter(Boolean)
        .join(', '),
      event.adults,
      event.children,
    ];
    const tail = [
      event.final ? 'yes' : 'no',
      event.dietary.map((entry) => entry.tag).join('; '),
      event.specialRequests ?? '',
      toMajorUnits(event.balanceCents, currency),
      currency,
    ];
    if (event.lines.length === 0) rows.push(csvRow(['event', ...common, '', '', '', ...tail]));
    for (const line of event.lines)
      rows.push(
        csvRow([
          'event',
          ...common,
          line.name,
          MENU_KIND_LABELS[line.kind],
          line.quantity,
          ...tail,
        ]),
      );
  }
  for (const item of sheet.totals.items)
    rows.push(
      csvRow([
        'total',
        '',
        '',
        sheet.chef?.name ?? '',
        '',
        '',
        '',
        '',
        '',
        item.name,
        MENU_KIND_LABELS[item.kind],
        item.quantity,
        '',
        '',
        '',
        '',
        '',
      ]),
    );
  return rows.join('');
}
