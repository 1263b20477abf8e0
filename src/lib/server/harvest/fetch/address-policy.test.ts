import { describe, expect, it } from 'vitest';
import { classifyAddress, isAddressKindAllowed } from './address-policy.ts';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['2a01:e0a:1::1', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:c0a8:0101::1', 'private'],
    ['[::1]', 'loopback'],
    ['not-an-ip', 'invalid'],
  ] as const)('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('allows private kinds only when the instance says so, and metadata never', () => {
    expect(isAddressKindAllowed('public', false)).toBe(true);
    expect(isAddressKindAllowed('loopback', false)).toBe(false);
    expect(isAddressKindAllowed('loopback', true)).toBe(true);
    expect(isAddressKindAllowed('unique-local', true)).toBe(true);
    expect(isAddressKindAllowed('metadata', true)).toBe(false);
    expect(isAddressKindAllowed('unspecified', true)).toBe(false);
    expect(isAddressKindAllowed('multicast', true)).toBe(false);
  });
});
