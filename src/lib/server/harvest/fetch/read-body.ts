import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';

/** The body grew past the limit (before or after decompression). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`the body is larger than ${limit} bytes`);
  }
}

export class UnsupportedEncodingError extends Error {
  override name = 'UnsupportedEncodingError';
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** Reads a response body, giving up as soon as it passes maxBytes; returns the raw (wire) bytes. */
export async function readLimited(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      body.destroy();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Undoes Content-Encoding. The output is capped too (maxOutputLength), so a small compressed
 * "bomb" cannot expand into gigabytes.
 */
export async function decompress(
  raw: Buffer,
  contentEncoding: string | null,
  maxBytes: number,
): Promise<Buffer> {
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e !== '' && e !== 'identity');
  let data = raw;
  try {
    // Encodings are listed in the order they were applied: undo them from the last.
    for (const encoding of encodings.reverse()) {
      const options = { maxOutputLength: maxBytes };
      if (encoding === 'gzip' || encoding === 'x-gzip') data = await gunzip(data, options);
      else if (encoding === 'br') data = await brotli(data, options);
      else if (encoding === 'deflate') {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        const zlibWrapped =
          data.length > 1 &&
          ((data[0] ?? 0) & 0x0f) === 8 &&
          ((data[0] ?? 0) * 256 + (data[1] ?? 0)) % 31 === 0;
        data = zlibWrapped ? await inflate(data, options) : await inflateRaw(data, options);
      } else throw new UnsupportedEncodingError(`unsupported content encoding "${encoding}"`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new BodyTooLargeError(maxBytes);
    }
    throw error;
  }
  if (data.length > maxBytes) throw new BodyTooLargeError(maxBytes);
  return data;
}
