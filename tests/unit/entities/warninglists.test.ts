/**
 * Which MISP warninglist holds an indicator's value: a host or any parent domain, an exact value, or an
 * address inside a range; the first list in order names it.
 */
import { describe, expect, it } from 'vitest';
import { createWarninglistLookup, hostOf, type Warninglist } from '@/lib/entities/warninglists';
import { shippedWarninglists } from '@/lib/entities/shipped-warninglists';

const lists: Warninglist[] = [
  { id: 'private', match: 'cidr', short: 'private', label: 'a private address', values: ['10.0.0.0/8', '2001:DB8::/32', '198.51.100.7'] },
  { id: 'hosts', match: 'host', short: 'popular', label: 'a popular site', values: ['Example.com'] },
  { id: 'exact', match: 'exact', short: 'exact', label: 'an exact value', values: ['cdn.example.net', 'D41D8CD98F00B204E9800998ECF8427E'] },
  { id: 'later', match: 'host', short: 'later', label: 'a later list', values: ['example.com', 'later.org'] },
];
const lookup = createWarninglistLookup(lists, ['co.uk', 'dyn.example.com']);
const listOf = (...args: Parameters<typeof lookup>) => lookup(...args)?.list;

describe('a warninglist lookup', () => {
  it('matches a host list by the host or any parent domain, never by a mere suffix', () => {
    expect(listOf('domain', 'example.com')).toBe('hosts');
    expect(listOf('domain', 'www.cdn.EXAMPLE.com')).toBe('hosts');
    expect(listOf('domain', 'notexample.com')).toBeUndefined();
    expect(listOf('domain', 'example.com.evil.ru')).toBeUndefined();
  });
  it('stops at a public suffix: names under a dynamic-DNS or hosting provider belong to their own owners', () => {
    expect(listOf('domain', 'c2-box.dyn.example.com')).toBeUndefined();
    expect(listOf('domain', 'www.c2-box.dyn.example.com')).toBeUndefined();
    // The provider's own name is still the provider's.
    expect(listOf('domain', 'dyn.example.com')).toBe('hosts');
  });
  it('matches an exact list by the whole value, case-folded', () => {
    expect(listOf('domain', 'cdn.example.net')).toBe('exact');
    expect(listOf('domain', 'www.cdn.example.net')).toBeUndefined();
    expect(listOf('md5', 'd41d8cd98f00b204e9800998ecf8427e')).toBe('exact');
  });
  it('matches an address inside a range, IPv4 and IPv6, a bare address as its own range', () => {
    expect(listOf('ipv4', '10.200.3.4')).toBe('private');
    expect(listOf('ipv4', '11.0.0.1')).toBeUndefined();
    expect(listOf('ipv4', '198.51.100.7')).toBe('private');
    expect(listOf('ipv4', '198.51.100.8')).toBeUndefined();
    expect(listOf('ipv6', '2001:db8::1')).toBe('private');
    expect(listOf('ipv6', '2001:0db8:0000:0000:0000:0000:0000:0001')).toBe('private');
    expect(listOf('ipv6', '2001:db9::1')).toBeUndefined();
    // An address is never looked up in a list of names, nor a name in a list of ranges.
    expect(listOf('domain', '10.in-addr.arpa')).toBeUndefined();
  });
  it('looks up a URL by its host and an e-mail address by its domain', () => {
    expect(listOf('url', 'https://user@www.example.com:8443/path?q=1')).toBe('hosts');
    expect(listOf('url', 'http://10.0.0.5/payload.bin')).toBe('private');
    expect(listOf('url', 'http://[2001:db8::5]:8080/x')).toBe('private');
    expect(listOf('email', 'ops@mail.example.com')).toBe('hosts');
    expect(listOf('url', 'https://evil.ru/example.com')).toBeUndefined();
  });
  it('names a value by the first list that holds it, with its words', () => {
    expect(lookup('domain', 'example.com')).toEqual({ list: 'hosts', short: 'popular', label: 'a popular site' });
    expect(listOf('domain', 'later.org')).toBe('later');
  });
  it('reads a URL’s host as a browser would', () => {
    expect(hostOf('url', 'HTTPS://a:b@Evil.COM.:443/x')).toBe('evil.com');
    expect(hostOf('url', 'ftp://[::1]/x')).toBe('::1');
    expect(hostOf('email', 'a@B.org')).toBe('b.org');
    expect(hostOf('sha256', 'ab')).toBeUndefined();
  });
  it('ignores a malformed range rather than matching everything', () => {
    const odd = createWarninglistLookup([
      { id: 'odd', match: 'cidr', short: '', label: '', values: ['10.0.0.0/40', 'nonsense', '1.2.3/8'] },
    ]);
    expect(odd('ipv4', '10.0.0.1')).toBeUndefined();
  });
});

describe('the shipped warninglists', () => {
  const shipped = shippedWarninglists();
  it.each([
    ['domain', 'storage.example.com', 'rfc6761', 'example domain'],
    ['ipv4', '192.168.1.1', 'rfc1918', 'private address'],
    ['ipv4', '192.0.2.7', 'rfc5735', 'documentation address'],
    ['ipv4', '127.0.0.1', 'rfc5735', 'special-use address'],
    ['ipv4', '100.64.0.1', 'rfc6598', 'shared address'],
    ['ipv6', '2001:db8::1', 'rfc3849', 'documentation address'],
    ['ipv6', 'fe80::1', 'ipv6-linklocal', 'link-local address'],
    ['sha256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'empty-hashes', 'empty file'],
    ['url', 'https://bit.ly/abc', 'url-shortener', 'URL shortener'],
    ['domain', 'github.com', 'tranco10k', 'popular site'],
    ['url', 'https://www.google.com/search?q=x', 'cisco_top1000', 'popular site'],
  ] as const)('%s %s is on %s (%s)', (type, value, list, short) => {
    expect(shipped(type, value)).toMatchObject({ list, short });
  });
  it('leaves a dynamic-DNS or hosted name alone, though its provider is a popular site', () => {
    for (const host of ['mantruck95.ddns.net', 'zdexx.hopto.org', 'b1.earth09.workers.dev', 'evil-page.github.io']) {
      expect(shipped('domain', host), host).toBeUndefined();
    }
    expect(shipped('domain', 'ddns.net')).toMatchObject({ short: 'popular site' });
  });
  it('leaves an ordinary indicator alone', () => {
    expect(shipped('domain', 'cdn.evil-site.net')).toBeUndefined();
    expect(shipped('ipv4', '45.77.12.9')).toBeUndefined();
    expect(shipped('sha256', '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0')).toBeUndefined();
  });
});
