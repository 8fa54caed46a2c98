import { describe, expect, it } from 'vitest';
import { classifyIndicator, indicatorTypeOf, stixStringLiteral } from '@/lib/export/stix/indicator-pattern';
import { isStixPattern } from './stix-rules';

const SHA256 = 'c6d8f9adb1423d7f64977708367502bc34ba7439fa7069fd7aae82fc761e2fa1';
const SHA1 = 'a8fdbea0a20959a1c182430c372a2fa97f6bcc74';
const MD5 = 'f8ee8bfcffb6030fae86e00f0dd6886e';

describe('STIX patterns for indicators', () => {
  it.each([
    ['198.51.100.23', "[ipv4-addr:value = '198.51.100.23']"],
    ['2001:db8::1', "[ipv6-addr:value = '2001:db8::1']"],
    ['evil.example.com', "[domain-name:value = 'evil.example.com']"],
    ['https://evil.example.com/login?next=1', "[url:value = 'https://evil.example.com/login?next=1']"],
    ['billing@evil.example.com', "[email-addr:value = 'billing@evil.example.com']"],
    [MD5, `[file:hashes.MD5 = '${MD5}']`],
    [SHA1, `[file:hashes.'SHA-1' = '${SHA1}']`],
    [SHA256, `[file:hashes.'SHA-256' = '${SHA256}']`],
  ])('writes %s as %s', (value, pattern) => {
    expect(classifyIndicator(value)?.pattern).toBe(pattern);
    expect(isStixPattern(pattern)).toBe(true);
  });

  it('quotes hash names that contain a hyphen, and only those', () => {
    expect(classifyIndicator(SHA256)?.pattern).toContain("hashes.'SHA-256'");
    expect(classifyIndicator(MD5)?.pattern).toContain('hashes.MD5 ');
  });

  it('escapes backslashes and single quotes in string literals', () => {
    expect(stixStringLiteral("it's")).toBe("'it\\'s'");
    expect(stixStringLiteral('C:\\evil')).toBe("'C:\\\\evil'");
    expect(stixStringLiteral("\\'")).toBe("'\\\\\\''");
  });

  it('escapes a quote inside a URL', () => {
    const url = classifyIndicator("http://evil.example.com/it's");
    expect(url?.pattern).toBe("[url:value = 'http://evil.example.com/it\\'s']");
    expect(isStixPattern(url?.pattern)).toBe(true);
  });

  it('states values as Gloss normalises them', () => {
    expect(classifyIndicator(SHA256.toUpperCase())?.value).toBe(SHA256);
    expect(classifyIndicator('HTTPS://EVIL.example.com/Path')?.value).toBe('https://evil.example.com/Path');
    expect(classifyIndicator('  198.51.100.23 ')?.value).toBe('198.51.100.23');
  });

  it('reads a value that is still defanged', () => {
    expect(indicatorTypeOf('198.51.100[.]23')).toEqual({ type: 'ipv4', value: '198.51.100.23' });
    expect(indicatorTypeOf('hxxps://evil[.]example.com/x')).toEqual({ type: 'url', value: 'https://evil.example.com/x' });
  });

  it.each([
    ['prose', 'not an indicator'],
    ['two addresses', '198.51.100.23 198.51.100.24'],
    ['an address inside text', 'seen at 198.51.100.23'],
    ['an impossible address', '300.1.2.3'],
    ['a hash of no known length', 'abcdef0123456789'],
    ['an empty value', ''],
  ])('classifies nothing for %s', (_, value) => {
    expect(classifyIndicator(value)).toBeUndefined();
  });
});
