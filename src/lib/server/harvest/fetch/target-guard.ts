import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import {
  type AddressKind,
  classifyAddress,
  describeAddressKind,
  isAddressKindAllowed,
} from './address-policy.ts';
import { BlockedAddressError, SkipPageError } from './fetch-errors.ts';

/** Resolves a host name to its addresses; injectable so tests can simulate DNS answers. */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

export interface TargetPolicy {
  allowPrivateNetworks: boolean;
  /**
   * Host names (as written in URLs) that may resolve to private addresses even when private
   * networks are refused: an intranet partner, or a test site. Metadata addresses stay refused.
   */
  privateHostsAllowed?: readonly string[];
  resolveHost?: HostResolver;
}

export const defaultResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Parses a URL the harvester may request: http(s) only, no credentials. */
export function parseTargetUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new SkipPageError(raw, 'bad-url', 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SkipPageError(
      url.href,
      'bad-url',
      `the ${url.protocol} scheme is not allowed, only http and https`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new SkipPageError(redact(url), 'bad-url', 'URLs with credentials are not allowed');
  }
  url.hash = '';
  return url;
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}

/** Thrown inside the socket's DNS lookup; the fetcher turns it into a BlockedAddressError with the URL. */
export class AddressRefusal extends Error {
  override name = 'AddressRefusal';
  constructor(
    readonly hostname: string,
    readonly reason: string,
  ) {
    super(`${hostname}: ${reason}`);
  }
}

function hostAllowsPrivate(hostname: string, policy: TargetPolicy): boolean {
  if (policy.allowPrivateNetworks) return true;
  const host = hostname.toLowerCase();
  return (policy.privateHostsAllowed ?? []).some((h) => h.toLowerCase() === host);
}

function refusalReason(hostname: string, address: string, kind: AddressKind): string {
  const what = `${describeAddressKind(kind)}: refused`;
  return isIP(hostname) ? `${address} is ${what}` : `${hostname} resolves to ${address}, ${what}`;
}

/**
 * Checks a URL whose host is an IP literal (which connects without any DNS lookup). Host names
 * are checked in the connection's own lookup (createPinnedLookup), so the address checked is the
 * address connected to.
 */
export function checkLiteralTarget(url: URL, policy: TargetPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) return;
  const kind = classifyAddress(host);
  if (!isAddressKindAllowed(kind, hostAllowsPrivate(url.hostname, policy))) {
    throw new BlockedAddressError(url.href, refusalReason(host, host, kind));
  }
}

/** Resolves a host and keeps only the addresses the policy allows; refuses when none is left. */
export async function resolveAllowed(hostname: string, policy: TargetPolicy): Promise<LookupAddress[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  const answers =
    family !== 0 ? [{ address: host, family }] : await (policy.resolveHost ?? defaultResolver)(host);
  if (answers.length === 0) throw new AddressRefusal(hostname, 'the name has no address');
  const privateOk = hostAllowsPrivate(hostname, policy);
  const allowed = answers.filter((a) => isAddressKindAllowed(classifyAddress(a.address), privateOk));
  if (allowed.length === 0) {
    const first = answers[0] as LookupAddress;
    throw new AddressRefusal(hostname, refusalReason(host, first.address, classifyAddress(first.address)));
  }
  return allowed;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls connect: resolves once, refuses forbidden addresses and hands the
 * checked addresses to the socket, so a DNS answer that changes between check and connect
 * (DNS rebinding) cannot reach a private address.
 */
export function createPinnedLookup(policy: TargetPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolveAllowed(hostname, policy).then(
      (addresses) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((a) => a.family === options.family)
            : addresses;
        if (options.all) {
          callback(null, wanted);
          return;
        }
        const first = wanted[0];
        if (!first) {
          const error: NodeJS.ErrnoException = new Error(`${hostname}: no address of the requested family`);
          error.code = 'ENOTFOUND';
          callback(error, '');
          return;
        }
        callback(null, first.address, first.family);
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)), '');
      },
    );
  };
}
