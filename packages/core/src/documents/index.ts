export { renderProposalPdf, type ProposalDocument } from './proposal-pdf';
export {
  addPageFooters,
  contentWidth,
  createDocumentPdf,
  ensureSpace,
  heading,
  pageSizeFor,
  paragraph,
  pdfBytes,
  rule,
  tableRow,
  type DocumentInfo,
  type DocumentPdf,
  type TableCell,
  type TextStyle,
} from './pdf-layout';
export { MISSING_GLYPH, printable } from './document-fonts';
