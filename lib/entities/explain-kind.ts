/**
 * Why an entity is in the list when no name list, naming scheme, cue or model reason applies: what the
 * finder of its kind looks for. CVE ids, indicators, organisations and places are found by their form or
 * their own lists, so without this their details would say nothing about why they are there.
 */
import type { EntityKind, IndicatorType } from './types';

const HASH_DIGITS: Partial<Record<IndicatorType, [string, number]>> = {
  md5: ['An MD5', 32],
  sha1: ['A SHA-1', 40],
  sha256: ['A SHA-256', 64],
};

const ADDRESS_NAMES: Partial<Record<IndicatorType, string>> = {
  domain: 'A domain',
  url: 'A URL',
  email: 'An e-mail address',
};

function indicatorReason(type: IndicatorType | undefined): string {
  const hash = type && HASH_DIGITS[type];
  if (hash)
    return `${hash[0]} hash: exactly ${hash[1]} hexadecimal digits, letters and digits mixed (hashes count as indicators, unless a MISP warninglist holds them)`;
  if (type === 'ipv4' || type === 'ipv6')
    return `An ${type === 'ipv4' ? 'IPv4' : 'IPv6'} address in the article text (IP addresses count as indicators, unless a MISP warninglist holds them)`;
  const address = (type && ADDRESS_NAMES[type]) ?? 'An address';
  return `${address} the text presents as an indicator: written defanged, standing in a list of indicators, next to words such as C2, payload or hosted, or on a page that reads as a threat report`;
}

const KIND_REASONS: Partial<Record<EntityKind, string>> = {
  vulnerability: 'A CVE id in the text (CVE, the year, then a number)',
  organization:
    'An organization the text names: a listed name (vendors, research teams, platforms, agencies), a government or public body, or a company with a legal suffix (Ltd., GmbH). An abbreviation the text defines for it (“… Administration (POEA)”) and its name without the country count as the same organization',
  place: 'A place on Gloss’s list of countries, regions and cities (a demonym such as “Chinese” counts as its country)',
};

/** The reason of last resort for an entity of `kind`; null where the kind's finders always give one. */
export function explainKind(kind: EntityKind, indicatorType?: IndicatorType): string | null {
  if (kind === 'indicator') return indicatorReason(indicatorType);
  return KIND_REASONS[kind] ?? null;
}

const INDICATOR_TYPES: ReadonlySet<string> = new Set<IndicatorType>(['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256']);

/** An indicator type carried in a message, kept only when it is one Gloss knows. */
export function readIndicatorType(value: unknown): IndicatorType | undefined {
  return typeof value === 'string' && INDICATOR_TYPES.has(value) ? (value as IndicatorType) : undefined;
}
