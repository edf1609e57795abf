import { AppError } from '../errors';

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** Reads a JSON body with a size cap and a content-type check: 415, 413 and 400 as the contract says. */
export async function readJsonBody(
  request: Request,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  const text = await readRawBody(request, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The request body is not valid JSON.', {
      details: {
        body: ['Invalid JSON'],
      },
    });
  }
}

/** The body as text, exactly as sent (webhook signatures cover the raw bytes), with a size cap. */
export async function readRawBody(
  request: Request,
  maxBytes = MAX_JSON_BODY_BYTES,
): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw bodyTooLargeError(maxBytes);
  // Node types a request body as ReadableStream<any>; the bytes are Uint8Array chunks.
  const reader = (request.body as ReadableStream<Uint8Array> | null)?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw bodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function bodyTooLargeError(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes} bytes.`);
}
