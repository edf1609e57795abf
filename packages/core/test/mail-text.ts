/**
 * The text/plain part of a raw e-mail as nodemailer writes it (single part or multipart with
 * a calendar invite; 7bit, quoted-printable or base64, UTF-8), decoded to the text that was
 * handed to the transport, so a test can compare it with what was rendered.
 */
export function plainTextOf(raw: string): string {
  const start = raw.search(/^Content-Type: text\/plain/im);
  if (start < 0) throw new Error('the e-mail has no text/plain part');
  // The part's headers run from the blank line (or boundary) before its Content-Type.
  const blank = raw.lastIndexOf('\r\n\r\n', start);
  const boundary = raw.lastIndexOf('\r\n--', start);
  const headerStart = Math.max(blank < 0 ? 0 : blank + 4, boundary < 0 ? 0 : boundary + 2);
  const part = raw.slice(headerStart);
  const split = part.indexOf('\r\n\r\n');
  const headers = part.slice(0, split);
  const rest = part.slice(split + 4);
  const end = rest.search(/\r\n--/);
  const body = end < 0 ? rest.replace(/\r\n$/, '') : rest.slice(0, end);
  const encoding = /^Content-Transfer-Encoding: (\S+)/im.exec(headers)?.[1]?.toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintableBytes(body)
        : Buffer.from(body, 'utf8');
  return bytes.toString('utf8').replace(/\r\n/g, '\n');
}

function quotedPrintableBytes(body: string): Buffer {
  const unfolded = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < unfolded.length; index += 1) {
    const char = unfolded[index];
    if (char === '=' && /^[0-9A-F]{2}$/i.test(unfolded.slice(index + 1, index + 3))) {
      bytes.push(parseInt(unfolded.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(...Buffer.from(char ?? '', 'utf8'));
  }
  return Buffer.from(bytes);
}

/** The bytes and file name of a raw e-mail's attachment of `contentType` (base64, as nodemailer writes it). */
export function attachmentOf(
  raw: string,
  contentType: string,
): { filename: string; bytes: Buffer } | undefined {
  const start = raw.search(new RegExp(`^Content-Type: ${contentType.replace('/', '\\/')}`, 'im'));
  if (start < 0) return undefined;
  const part = raw.slice(start);
  const split = part.indexOf('\r\n\r\n');
  const headers = part.slice(0, split);
  const rest = part.slice(split + 4);
  const end = rest.search(/\r\n--/);
  const body = end < 0 ? rest : rest.slice(0, end);
  const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1] ?? '';
  return { filename, bytes: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
}
