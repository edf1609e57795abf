import { formatMoney, type MoneyFormat } from '../money/format-money';
import { localToInstant } from '../time';
import {
  addPageFooters,
  createDocumentPdf,
  heading,
  MUTED,
  paragraph,
  pdfBytes,
  rule,
  tableRow,
  type DocumentPdf,
} from './pdf-layout';

export type ProposalDocument = {
  /** Who issues it. */
  station: { name: string; locale: string; currency: string; timezone: string };
  reference: string;
  /** Bumped each time the priced proposal changes; printed as "Proposal v2". */
  proposalVersion: number;
  /** The instant this version was made: printed, and the PDF's creation/modification dates. */
  issuedAt: Date;
  customer: { name: string; email: string; phone: string };
  event: {
    /** Local YYYY-MM-DD in station.timezone. */
    date: string;
    /** Local HH:MM. */
    time: string;
    durationMinutes: number;
    addressLines: string[];
    adults: number;
    children: number;
  };
  /** Every priced line as the customer is charged: food, add-ons, travel, minimum top-up, discounts (negative) and surcharges. */
  lines: { label: string; detail?: string; amountCents: number }[];
  totalCents: number;
  depositCents: number;
  /** Paid so far (0 for a fresh proposal). */
  paidCents: number;
  /** The menu as chosen: proteins and add-ons with quantities. */
  menu: { name: string; quantity: number }[];
  /** The station's terms as accepted or to be accepted, exactly as their stored text. */
  terms: { version: number; sha256: string; text: string };
  /** Present once the customer accepted this version. */
  acceptance: {
    name: string;
    acceptedAt: Date;
    termsVersion: number;
    termsSha256: string;
  } | null;
};

/** How a station writes instants and events: its locale, in its time zone. */
function stationDates(station: ProposalDocument['station']) {
  const { locale, timezone: timeZone } = station;
  const instant = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const day = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
  const hours = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return {
    instant: (at: Date) => instant.format(at),
    /** The event's day and its start–end times; the stored local values when they name no instant. */
    event: (event: ProposalDocument['event']) => {
      const start = localToInstant(event, timeZone);
      if (!start) return { date: event.date, times: event.time };
      const end = new Date(start.getTime() + event.durationMinutes * 60_000);
      return { date: day.format(start), times: hours.formatRange(start, end) };
    },
  };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * The proposal (or accepted proposal) a customer keeps, as a PDF: header, customer and
 * event, every priced line with the total, deposit, paid and balance, the menu, the full
 * terms and the acceptance. The same document always gives the same bytes.
 */
export async function renderProposalPdf(document: ProposalDocument): Promise<Uint8Array> {
  const { station, reference, proposalVersion } = document;
  const money: MoneyFormat = { currency: station.currency, locale: station.locale };
  const dates = stationDates(station);
  const title = document.acceptance ? 'Accepted proposal' : 'Proposal';
  const version = `${reference} · Proposal v${proposalVersion}`;
  const pdf = createDocumentPdf({
    title: `${title} ${reference} v${proposalVersion}`,
    author: station.name,
    subject: `${title} for ${document.customer.name}`,
    locale: station.locale,
    issuedAt: document.issuedAt,
  });

  paragraph(pdf, station.name, { font: 'bold', size: 11, color: MUTED });
  paragraph(pdf, title, { font: 'bold', size: 22 });
  paragraph(pdf, version, { size: 11 });
  paragraph(pdf, `Issued ${dates.instant(document.issuedAt)}`, { size: 9, color: MUTED });
  pdf.moveDown(0.5);
  rule(pdf);

  const { event, customer } = document;
  const when = dates.event(event);
  const party = [plural(event.adults, 'adult')];
  if (event.children > 0) party.push(plural(event.children, 'child', 'children'));
  tableRow(pdf, [
    { text: 'Customer', share: 0.5, font: 'bold' },
    { text: 'Event', share: 0.5, font: 'bold' },
  ]);
  tableRow(pdf, [
    { text: [customer.name, customer.email, customer.phone].join('\n'), share: 0.5 },
    {
      text: [
        when.date,
        `${when.times} (${duration(event.durationMinutes)})`,
        ...event.addressLines,
        party.join(', '),
      ].join('\n'),
      share: 0.5,
    },
  ]);

  heading(pdf, 'Price');
  itemsTable(pdf, document, money);

  heading(pdf, 'Menu');
  if (document.menu.length === 0) paragraph(pdf, 'No menu chosen yet.', { color: MUTED });
  for (const item of document.menu) paragraph(pdf, `${item.quantity} × ${item.name}`);

  heading(pdf, `Terms and conditions (version ${document.terms.version})`);
  paragraph(pdf, document.terms.text, { size: 9 });
  pdf.moveDown(0.5);
  paragraph(pdf, `SHA-256 of these terms: ${document.terms.sha256}`, { size: 8, color: MUTED });

  heading(pdf, 'Acceptance');
  const { acceptance } = document;
  if (acceptance) {
    paragraph(pdf, `Accepted by ${acceptance.name}`);
    paragraph(pdf, `On ${dates.instant(acceptance.acceptedAt)}`);
    paragraph(pdf, `Terms version ${acceptance.termsVersion}`);
    paragraph(pdf, `Terms SHA-256 ${acceptance.termsSha256}`, { size: 8 });
  } else {
    paragraph(pdf, 'Not yet accepted.');
  }

  addPageFooters(pdf, version);
  return pdfBytes(pdf);
}

/** Every priced line, then total, deposit, paid so far and the balance due. */
function itemsTable(pdf: DocumentPdf, document: ProposalDocument, money: MoneyFormat): void {
  const amount = (cents: number) => formatMoney(cents, money);
  tableRow(pdf, [
    { text: 'Item', share: 0.4, font: 'bold', size: 9, color: MUTED },
    { text: 'Details', share: 0.4, font: 'bold', size: 9, color: MUTED },
    { text: 'Amount', share: 0.2, font: 'bold', size: 9, color: MUTED, align: 'right' },
  ]);
  for (const line of document.lines)
    tableRow(pdf, [
      { text: line.label, share: 0.4 },
      { text: line.detail ?? '', share: 0.4, color: MUTED },
      { text: amount(line.amountCents), share: 0.2, align: 'right' },
    ]);
  rule(pdf);
  const balance = Math.max(0, document.totalCents - document.paidCents);
  const summary: [string, number][] = [
    ['Total', document.totalCents],
    ['Deposit', document.depositCents],
    ['Paid', document.paidCents],
    ['Balance due', balance],
  ];
  for (const [label, cents] of summary)
    tableRow(pdf, [
      {
        text: label,
        share: 0.8,
        font: label === 'Total' || label === 'Balance due' ? 'bold' : 'body',
      },
      {
        text: amount(cents),
        share: 0.2,
        align: 'right',
        font: label === 'Total' || label === 'Balance due' ? 'bold' : 'body',
      },
    ]);
}
