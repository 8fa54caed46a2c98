/**
 * The MISP warninglists Gloss ships (data/warninglists/, copied unchanged from MISP's warninglists
 * project, CC0; data/warninglists/SOURCE.md), in the order a value is looked up (the narrower lists first;
 * the vendors' blog hosts last, since that list also holds github.com and twitter.com), with what each says
 * of a value in words. MISP's `string` lists of hosts are matched exactly, except RFC 6761's, whose names
 * reserve every name under them (`storage.example.com`). MISP's `second-level-tlds` (Mozilla's public
 * suffix list) is no list of values: it stops a host list's match at a public suffix. Imported by the background and the command line
 * with the dictionaries, never by a content script.
 */
import cisco from '../../data/warninglists/cisco_top1000.json';
import commonFalsePositives from '../../data/warninglists/common-ioc-false-positive.json';
import crl from '../../data/warninglists/crl-hostname.json';
import emptyHashes from '../../data/warninglists/empty-hashes.json';
import ipv6LinkLocal from '../../data/warninglists/ipv6-linklocal.json';
import multicast from '../../data/warninglists/multicast.json';
import parking from '../../data/warninglists/parking-domain.json';
import rfc1918 from '../../data/warninglists/rfc1918.json';
import rfc3849 from '../../data/warninglists/rfc3849.json';
import rfc5735 from '../../data/warninglists/rfc5735.json';
import rfc6598 from '../../data/warninglists/rfc6598.json';
import rfc6761 from '../../data/warninglists/rfc6761.json';
import publicSuffixes from '../../data/warninglists/second-level-tlds.json';
import securityBlogs from '../../data/warninglists/security-provider-blogpost.json';
import sinkholes from '../../data/warninglists/sinkholes.json';
import tranco from '../../data/warninglists/tranco10k.json';
import shorteners from '../../data/warninglists/url-shortener.json';
import wikimedia from '../../data/warninglists/wikimedia.json';
import { createWarninglistLookup, type Warninglist, type WarninglistLookup } from './warninglists';

const list = (id: string, match: Warninglist['match'], short: string, label: string, file: { list: string[] }): Warninglist => ({
  id,
  match,
  short,
  label,
  values: file.list,
});

const RFC5737 = { list: ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'] };

let lookup: WarninglistLookup | undefined;

/** The lookup over the shipped lists, built once (a few milliseconds) and shared. */
export function shippedWarninglists(): WarninglistLookup {
  lookup ??= createWarninglistLookup(loadWarninglists(), publicSuffixes.list);
  return lookup;
}

export function loadWarninglists(): Warninglist[] {
  return [
    list('rfc1918', 'cidr', 'private address', 'a private network address (RFC 1918)', rfc1918),
    list('rfc6598', 'cidr', 'shared address', 'a carrier-grade NAT address (RFC 6598)', rfc6598),
    list('rfc3849', 'cidr', 'documentation address', 'an IPv6 documentation address (RFC 3849)', rfc3849),
    list('ipv6-linklocal', 'cidr', 'link-local address', 'an IPv6 link-local address', ipv6LinkLocal),
    list('multicast', 'cidr', 'multicast address', 'a multicast address', multicast),
    // RFC 5737's documentation ranges, the part of MISP's RFC 5735 list that examples use, named as such.
    list('rfc5735', 'cidr', 'documentation address', 'an IPv4 documentation address (RFC 5737)', RFC5737),
    list('rfc5735', 'cidr', 'special-use address', 'a special-use IPv4 address (RFC 5735: loopback, documentation, reserved)', rfc5735),
    list('rfc6761', 'host', 'example domain', 'a special-use domain (RFC 6761), reserved for examples and tests', rfc6761),
    list('sinkholes', 'cidr', 'sinkhole', 'a known sinkhole', sinkholes),
    list('parking-domain', 'cidr', 'parking service', 'a domain-parking service', parking),
    list('wikimedia', 'cidr', 'Wikimedia', 'an address of Wikimedia', wikimedia),
    list('crl-hostname', 'exact', 'certificate host', 'a certificate revocation host (CRL or OCSP)', crl),
    list('url-shortener', 'host', 'URL shortener', 'a URL shortener', shorteners),
    list('empty-hashes', 'exact', 'empty file', 'the hash of an empty file', emptyHashes),
    list('common-ioc-false-positive', 'exact', 'common false positive', 'a hash often mistaken for an indicator', commonFalsePositives),
    list('cisco_top1000', 'exact', 'popular site', 'a popular site (Cisco Umbrella’s top 1,000)', cisco),
    list('tranco10k', 'host', 'popular site', 'a popular site (Tranco’s top 10,000)', tranco),
    list(
      'security-provider-blogpost',
      'host',
      'research site',
      'a site that publishes security research (MISP’s list of vendors’ blogs)',
      securityBlogs,
    ),
  ];
}
