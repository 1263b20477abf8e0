import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which IP addresses the harvester may connect to. Partner sites are on the public internet; an
 * address on the instance's own networks (loopback, private, link-local…) would let a source
 * config probe internal services (SSRF), so those are refused unless the instance allows them.
 * Cloud metadata, unspecified, multicast and reserved addresses are refused in every case.
 */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'invalid';

const ALWAYS_REFUSED: ReadonlySet<AddressKind> = new Set([
  'metadata',
  'unspecified',
  'multicast',
  'reserved',
  'invalid',
]);

const DESCRIPTIONS: Record<AddressKind, string> = {
  public: 'a public address',
  loopback: 'a loopback address',
  private: 'a private network address (RFC 1918)',
  shared: 'a carrier-grade NAT address (100.64.0.0/10)',
  'link-local': 'a link-local address',
  'unique-local': 'a unique-local IPv6 address (fc00::/7)',
  metadata: 'a cloud metadata address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  reserved: 'a reserved or broadcast address',
  invalid: 'not a valid IP address',
};

export function describeAddressKind(kind: AddressKind): string {
  return DESCRIPTIONS[kind];
}

/** True when the harvester may connect to an address of this kind under the given policy. */
export function isAddressKindAllowed(kind: AddressKind, allowPrivateNetworks: boolean): boolean {
  if (kind === 'public') return true;
  if (ALWAYS_REFUSED.has(kind)) return false;
  return allowPrivateNetworks;
}

export function classifyAddress(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare)) return classifyIPv4(ipv4Bytes(bare));
  if (isIPv6(bare)) return classifyIPv6(ipv6Bytes(bare));
  return 'invalid';
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map(Number);
}

function classifyIPv4(b: number[]): AddressKind {
  const [a = 0, b1 = 0, c = 0, d = 0] = b;
  if (a === 169 && b1 === 254 && c === 169 && d === 254) return 'metadata';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b1 >= 16 && b1 <= 31) || (a === 192 && b1 === 168)) return 'private';
  if (a === 100 && b1 >= 64 && b1 <= 127) return 'shared';
  if (a === 169 && b1 === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  // 240/4 (reserved, includes broadcast), 192.0.0/24 (IETF protocol assignments), 198.18/15 (benchmarking)
  if (a >= 240 || (a === 192 && b1 === 0 && c === 0) || (a === 198 && (b1 === 18 || b1 === 19))) {
    return 'reserved';
  }
  return 'public';
}

/** 16 bytes; accepts `::` compression and a trailing dotted quad (e.g. ::ffff:127.0.0.1). */
function ipv6Bytes(address: string): number[] {
  let text = address.toLowerCase();
  let tail: number[] = [];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted?.[1]) {
    tail = ipv4Bytes(dotted[1]);
    text = `${text.slice(0, -dotted[1].length)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - headGroups.length - restGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(missing, 0)).fill('0'), ...restGroups];
  const bytes = groups.flatMap((g) => {
    const value = Number.parseInt(g, 16);
    return [value >> 8, value & 0xff];
  });
  if (tail.length === 4) bytes.splice(12, 4, ...tail);
  return bytes;
}

function classifyIPv6(b: number[]): AddressKind {
  const at = (i: number) => b[i] ?? 0;
  const prefixZero = (n: number) => b.slice(0, n).every((x) => x === 0);
  const embeddedV4 = () => classifyIPv4(b.slice(12, 16));
  // fd00:ec2::254, the AWS metadata service over IPv6
  if (
    at(0) === 0xfd &&
    at(1) === 0 &&
    at(2) === 0x0e &&
    at(3) === 0xc2 &&
    b.slice(4, 14).every((x) => x === 0) &&
    at(14) === 0x02 &&
    at(15) === 0x54
  ) {
    return 'metadata';
  }
  if (b.every((x) => x === 0)) return 'unspecified';
  if (prefixZero(15) && at(15) === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d): judge the IPv4 inside
  if (prefixZero(10) && at(10) === 0xff && at(11) === 0xff) return embeddedV4();
  if (prefixZero(12)) return embeddedV4();
  // NAT64 (64:ff9b::/96) reaches the embedded IPv4 address
  if (
    at(0) === 0x00 &&
    at(1) === 0x64 &&
    at(2) === 0xff &&
    at(3) === 0x9b &&
    b.slice(4, 12).every((x) => x === 0)
  ) {
    return embeddedV4();
  }
  // 6to4 (2002::/16) embeds an IPv4 address in bytes 2–5
  if (at(0) === 0x20 && at(1) === 0x02) {
    const inner = classifyIPv4(b.slice(2, 6));
    if (inner !== 'public') return inner;
  }
  if ((at(0) & 0xfe) === 0xfc) return 'unique-local';
  if (at(0) === 0xfe && (at(1) & 0xc0) === 0x80) return 'link-local';
  if (at(0) === 0xff) return 'multicast';
  return 'public';
}
