import {
  BlockedAddressError,
  FetchError,
  RetryLaterError,
  SkipPageError,
  StopSourceError,
} from './fetch-errors.ts';
import { PacerClosedError } from './host-pacer.ts';
import { BodyTooLargeError, UnsupportedEncodingError } from './read-body.ts';
import { AddressRefusal } from './target-guard.ts';

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT',
]);
const TIMEOUT_NAMES = new Set([
  'TimeoutError',
  'AbortError',
  'HeadersTimeoutError',
  'BodyTimeoutError',
  'ConnectTimeoutError',
]);

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let e: unknown = error;
    e !== undefined && e !== null && chain.length < 8;
    e = (e as { cause?: unknown }).cause
  ) {
    chain.push(e);
    if (e instanceof AggregateError) chain.push(...e.errors);
  }
  return chain;
}

/** Turns whatever a request threw into a domain error for this URL. */
export function classifyFailure(error: unknown, url: string, timeoutMs: number): FetchError {
  const chain = causes(error);
  for (const e of chain) {
    if (e instanceof FetchError) return e;
    if (e instanceof PacerClosedError) return new StopSourceError(url, 'cancelled', e.message);
    if (e instanceof AddressRefusal) return new BlockedAddressError(url, e.reason);
    if (e instanceof BodyTooLargeError) {
      return new SkipPageError(
        url,
        'too-large',
        `the page is larger than the limit of ${e.limit} bytes; abandoned`,
      );
    }
    if (e instanceof UnsupportedEncodingError)
      return new SkipPageError(url, 'unsupported-encoding', e.message);
  }
  for (const e of chain) {
    const { name, code } = e as { name?: string; code?: string };
    if ((name && TIMEOUT_NAMES.has(name)) || (code && TIMEOUT_CODES.has(code))) {
      return new RetryLaterError(url, 'timeout', `no complete answer within ${timeoutMs} ms`, undefined, {
        cause: error,
      });
    }
  }
  const coded = chain.find((e) => typeof (e as { code?: unknown }).code === 'string') as
    | { code: string; message?: string }
    | undefined;
  const detail = coded ? `${coded.code}${coded.message ? `: ${coded.message}` : ''}` : String(error);
  return new RetryLaterError(url, 'network', `network error (${detail})`, undefined, { cause: error });
}

/** Failures worth retrying within this run (a missing host name will not appear in a second). */
export function isRetriable(error: FetchError): boolean {
  if (!(error instanceof RetryLaterError)) return false;
  return !/ENOTFOUND/.test(error.reason);
}
