import PDFDocument from 'pdfkit';
import { documentFonts, printable, type DocumentFontName } from './document-fonts';

/**
 * The few layout pieces every customer document (proposal, invoice, receipt) is made of, on
 * pdfkit: a page sized for the station's country, headings, wrapped paragraphs, table rows
 * with right-aligned amounts, "Page N of M" footers, and the finished bytes. Every string
 * goes through `printable`, so any name prints and nothing throws.
 */
export type DocumentPdf = PDFKit.PDFDocument;

/** What the file says about itself; `issuedAt` is both its creation and modification date. */
export type DocumentInfo = {
  title: string;
  author: string;
  subject: string;
  locale: string;
  issuedAt: Date;
};

/** Fixed, so the same document gives the same bytes whichever release renders it. */
const PRODUCER = 'Hibachi at Home documents';
const MARGIN = 56;
export const MUTED = '#555555';
const TEXT = '#000000';

/** US Letter for a station in the United States, A4 everywhere else. */
export function pageSizeFor(locale: string): 'LETTER' | 'A4' {
  return new Intl.Locale(locale).maximize().region === 'US' ? 'LETTER' : 'A4';
}

/** A new document, its fonts registered and no clock read: same input, same bytes. */
export function createDocumentPdf(info: DocumentInfo): DocumentPdf {
  const pdf = new PDFDocument({
    size: pageSizeFor(info.locale),
    margin: MARGIN,
    bufferPages: true,
    lang: info.locale,
    displayTitle: true,
    info: {
      // Metadata is shown in the viewer's own fonts: names stay as typed.
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Producer: PRODUCER,
      Creator: PRODUCER,
      CreationDate: info.issuedAt,
      ModDate: info.issuedAt,
    },
  });
  const fonts = documentFonts();
  pdf.registerFont('body', fonts.body.bytes);
  pdf.registerFont('bold', fonts.bold.bytes);
  pdf.font('body').fontSize(10).fillColor(TEXT);
  return pdf;
}

/** The width between the left and right margins. */
export function contentWidth(pdf: DocumentPdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

/** Starts a new page unless `height` points fit above the bottom margin. */
export function ensureSpace(pdf: DocumentPdf, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

export type TextStyle = { font?: DocumentFontName; size?: number; color?: string };

/** A paragraph across the page, wrapped, flowing onto new pages as needed. */
export function paragraph(pdf: DocumentPdf, text: string, style: TextStyle = {}): void {
  pdf
    .font(style.font ?? 'body')
    .fontSize(style.size ?? 10)
    .fillColor(style.color ?? TEXT)
    .text(printable(text), pdf.page.margins.left, pdf.y, { width: contentWidth(pdf) });
  pdf.fillColor(TEXT);
}

/** A section heading, kept on the same page as the first lines under it. */
export function heading(pdf: DocumentPdf, text: string): void {
  pdf.moveDown(0.8);
  ensureSpace(pdf, 60);
  paragraph(pdf, text, { font: 'bold', size: 12 });
  pdf.moveDown(0.3);
}

/** A thin line across the page at the current position. */
export function rule(pdf: DocumentPdf): void {
  const y = pdf.y + 2;
  pdf
    .moveTo(pdf.page.margins.left, y)
    .lineTo(pdf.page.width - pdf.page.margins.right, y)
    .lineWidth(0.5)
    .strokeColor(MUTED)
    .stroke();
  pdf.y = y + 6;
}

export type TableCell = TextStyle & {
  text: string;
  /** A share of the content width; a row's shares add up to 1. */
  share: number;
  align?: 'left' | 'right';
};

/**
 * One row of cells side by side, each wrapped in its column; the row moves to a new page
 * whole when it does not fit. Amounts go in a right-aligned cell.
 */
export function tableRow(pdf: DocumentPdf, cells: TableCell[], gap = 4): void {
  const left = pdf.page.margins.left;
  const width = contentWidth(pdf);
  const padding = 8;
  const set = (cell: TableCell) =>
    pdf
      .font(cell.font ?? 'body')
      .fontSize(cell.size ?? 10)
      .fillColor(cell.color ?? TEXT);
  const columns = cells.map((cell, index) => ({
    cell,
    text: printable(cell.text),
    // the last column reaches the right margin, so amounts line up with the page's edge
    width: cell.share * width - (index === cells.length - 1 ? 0 : padding),
  }));
  const height = Math.max(
    ...columns.map(({ cell, text, width: columnWidth }) =>
      set(cell).heightOfString(text, { width: columnWidth }),
    ),
  );
  ensureSpace(pdf, height);
  const top = pdf.y;
  let x = left;
  for (const { cell, text, width: columnWidth } of columns) {
    set(cell).text(text, x, top, { width: columnWidth, align: cell.align ?? 'left' });
    x += columnWidth + padding;
  }
  pdf.fillColor(TEXT);
  pdf.x = left;
  pdf.y = top + height + gap;
}

/** "Page N of M" at the foot of every page, with `label` (the reference) on the left. */
export function addPageFooters(pdf: DocumentPdf, label: string): void {
  const range = pdf.bufferedPageRange();
  for (let index = 0; index < range.count; index++) {
    pdf.switchToPage(range.start + index);
    const { margins, width, height } = pdf.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would start a new page: lift the margin while writing.
    margins.bottom = 0;
    const y = height - bottom + 20;
    const page = `Page ${index + 1} of ${range.count}`;
    pdf.font('body').fontSize(8).fillColor(MUTED);
    pdf.text(printable(label), margins.left, y, { lineBreak: false });
    pdf.text(page, width - margins.right - pdf.widthOfString(page), y, { lineBreak: false });
    margins.bottom = bottom;
  }
}

/** Ends the document and collects its bytes. */
export function pdfBytes(pdf: DocumentPdf): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
    pdf.end();
  });
}
