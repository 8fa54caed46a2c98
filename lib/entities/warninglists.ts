/**
 * MISP's warninglists (data/warninglists/, CC0): values of an indicator's form that are known to be
 * benign or special, such as popular sites, documentation and private address ranges, the empty file's
 * hashes, sinkholes and URL shorteners. Threat-intelligence tools check indicators against them so that
 * `google.com` in a report's prose or `192.168.1.1` in a router's manual is not reported as malicious.
 *
 * `createWarninglistLookup` turns the lists into one lookup: which list, if any, holds an indicator's
 * value. Three ways of matching, as MISP's list types say (`shipped-warninglists.ts` chooses one per list):
 * - `host`: the host or a parent domain (`www.google.com` is on a list holding `google.com`), never above a
 *   public suffix (`c2-box.ddns.net` is not on a list holding `ddns.net`);
 * - `exact`: the value itself, case-folded (a hash, or a host listed as it is);
 * - `cidr`: an IPv4 or IPv6 address inside one of the ranges.
 * A URL is looked up by its host, an e-mail address by its domain. The first list that holds the value
 * names it, so the more specific lists (documentation, sinkholes) go before the popular sites.
 */
import type { IndicatorType, IndicatorWarning } from './types';

export interface Warninglist {
  /** MISP's file name without `.json` (`tranco10k`), kept as the list's id. */
  id: string;
  /** What a value on the list is, in two words, beside it in a list: "popular site". */
  short: string;
  /** The same in a sentence's words: "a popular site (Tranco's top 10,000)". */
  label: string;
  match: 'host' | 'exact' | 'cidr';
  values: readonly string[];
}

export type WarninglistLookup = (type: IndicatorType, value: string) => IndicatorWarning | undefined;

interface Range {
  bits: number[];
  prefix: number;
}

/** An IPv4 address as its 32 bits, most significant first; undefined if it is none. */
function ipv4Bits(address: string): number[] | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.flatMap((p) => byteBits(Number(p), 8));
}

const byteBits = (value: number, width: number) => Array.from({ length: width }, (_, i) => (value >> (width - 1 - i)) & 1);

/** An IPv6 address as its 128 bits (an IPv4 tail and one `::` allowed); undefined if it is none. */
function ipv6Bits(address: string): number[] | undefined {
  let text = address.toLowerCase();
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = ipv4Bits(text.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    text = `${text.slice(0, lastColon + 1)}0`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  const wanted = tail.length ? 7 : 8;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...Array<string>(missing).fill('0'), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  const bits = all.slice(0, wanted).flatMap((g) => byteBits(parseInt(g, 16), 16));
  return tail.length ? [...bits, ...tail] : bits;
}

function parseRange(entry: string): Range | undefined {
  const [address, prefixText] = entry.split('/');
  const bits = address.includes(':') ? ipv6Bits(address) : ipv4Bits(address);
  if (!bits) return undefined;
  const prefix = prefixText === undefined ? bits.length : Number(prefixText);
  return Number.isInteger(prefix) && prefix >= 0 && prefix <= bits.length ? { bits, prefix } : undefined;
}

const inRange = (bits: readonly number[], range: Range) =>
  bits.length === range.bits.length && range.bits.slice(0, range.prefix).every((bit, i) => bit === bits[i]);

/** The host an indicator names: the domain itself, a URL's host, an e-mail address's domain. */
export function hostOf(type: IndicatorType, value: string): string | undefined {
  if (type === 'domain') return value.toLowerCase();
  if (type === 'email') return value.slice(value.lastIndexOf('@') + 1).toLowerCase();
  if (type !== 'url') return undefined;
  const afterScheme = value.indexOf('://');
  if (afterScheme < 0) return undefined;
  const authority = /^[^/?#]*/.exec(value.slice(afterScheme + 3))![0];
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  // `[2001:db8::1]:8080` is an IPv6 literal; `evil.com:8080` a name and a port.
  if (host.startsWith('[')) return host.slice(1, host.indexOf(']') < 0 ? undefined : host.indexOf(']')).toLowerCase();
  return host.replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
}

/**
 * Whether `values` hold `host` or one of its parent domains, up to and not including a public suffix: the
 * names under `ddns.net`, `github.io` or `co.uk` belong to as many owners, so a list holding the provider
 * (Tranco ranks `ddns.net`) says nothing of `c2-box.ddns.net`, a dynamic-DNS name attackers favour.
 */
function holdsHost(values: ReadonlySet<string>, host: string, publicSuffixes: ReadonlySet<string>): boolean {
  if (values.has(host)) return true;
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    const parent = host.slice(dot + 1);
    if (publicSuffixes.has(parent)) return false;
    if (values.has(parent)) return true;
  }
  return false;
}

/**
 * The lookup over `lists`, in their order (the first list holding a value names it). `publicSuffixes`
 * (`co.uk`, `ddns.net`, `github.io`: Mozilla's public suffix list, as MISP's `second-level-tlds`) bound how
 * far up a host a `host` list is asked.
 */
export function createWarninglistLookup(lists: readonly Warninglist[], publicSuffixes: readonly string[] = []): WarninglistLookup {
  const suffixes = new Set(publicSuffixes.map((s) => s.toLowerCase()));
  const compiled = lists.map((list) => ({
    warning: { list: list.id, short: list.short, label: list.label },
    match: list.match,
    values: list.match === 'cidr' ? new Set<string>() : new Set(list.values.map((v) => v.toLowerCase())),
    ranges: list.match === 'cidr' ? list.values.map(parseRange).filter((r): r is Range => r !== undefined) : [],
  }));
  return (type, value) => {
    const host = hostOf(type, value);
    const address = type === 'ipv4' || type === 'ipv6' ? value : host;
    const bits = address === undefined ? undefined : address.includes(':') ? ipv6Bits(address) : ipv4Bits(address);
    const key = (host ?? value).toLowerCase();
    for (const list of compiled) {
      const held =
        list.match === 'cidr'
          ? bits !== undefined && list.ranges.some((range) => inRange(bits, range))
          : bits === undefined &&
            (list.match === 'host' && host !== undefined ? holdsHost(list.values, key, suffixes) : list.values.has(key));
      if (held) return list.warning;
    }
    return undefined;
  };
}
