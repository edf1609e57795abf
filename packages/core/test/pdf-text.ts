import { PDFParse } from 'pdf-parse';

/** A PDF's text as a reader would copy it, per page, whitespace runs as one space. */
export async function readPdf(bytes: Uint8Array): Promise<{ text: string; pages: string[] }> {
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    const result = await parser.getText();
    const pages = result.pages.map((page) => page.text.replace(/\s+/g, ' ').trim());
    return { text: pages.join(' '), pages };
  } finally {
    await parser.destroy();
  }
}
