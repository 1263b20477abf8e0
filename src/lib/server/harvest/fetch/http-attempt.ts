import { type Dispatcher, request } from 'undici';
import { BodyTooLargeError, decompress, readLimited } from './read-body.ts';

export interface AttemptResponse {
  status: number;
  headers: Record<string, string | undefined>;
  /** Decoded (decompressed) body; null for answers whose body we do not use (redirects, retries, 304). */
  body: Buffer | null;
  /** Bytes received on the wire. */
  wireBytes: number;
}

export interface AttemptOptions {
  dispatcher: Dispatcher;
  headers: Record<string, string>;
  timeoutMs: number;
  maxBodyBytes: number;
}

const BODYLESS = (status: number) =>
  status === 304 || status === 429 || status >= 500 || (status >= 300 && status < 400 && status !== 300);

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** One HTTP GET, no redirect following, body size and total time bounded. */
export async function httpAttempt(url: URL, options: AttemptOptions): Promise<AttemptResponse> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const response = await request(url, {
    dispatcher: options.dispatcher,
    method: 'GET',
    headers: options.headers,
    signal,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  const headers = flatten(response.headers);
  if (BODYLESS(response.statusCode)) {
    await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return { status: response.statusCode, headers, body: null, wireBytes: 0 };
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBodyBytes) {
    response.body.destroy();
    throw new BodyTooLargeError(options.maxBodyBytes);
  }
  const raw = await readLimited(response.body, options.maxBodyBytes);
  const body = await decompress(raw, headers['content-encoding'] ?? null, options.maxBodyBytes);
  return { status: response.statusCode, headers, body, wireBytes: raw.length };
}
