/**
 * STIX patterns (STIX 2.1 section 9) for the indicators Gloss finds. A tagged value is classified by
 * the same rules that found it in the page (lib/entities/indicators.ts), so a pattern is only written
 * for a value that is wholly one IP address, domain, URL, e-mail address or hash.
 */
import { findIndicators } from '../../entities/indicators';
import type { IndicatorType } from '../../entities/types';

/** A tagged value as a STIX indicator would state it. */
export interface ClassifiedIndicator {
  type: IndicatorType;
  /** The value as Gloss normalises it (lower-case host, hash, …). */
  value: string;
  pattern: string;
}

/**
 * The object path each indicator type compares. Hash names with a hyphen must be quoted in a path
 * (section 9.3: a path component that is not a plain identifier is written as a string literal).
 */
const OBJECT_PATHS: Record<IndicatorType, string> = {
  ipv4: 'ipv4-addr:value',
  ipv6: 'ipv6-addr:value',
  domain: 'domain-name:value',
  url: 'url:value',
  email: 'email-addr:value',
  md5: 'file:hashes.MD5',
  sha1: "file:hashes.'SHA-1'",
  sha256: "file:hashes.'SHA-256'",
};

/** A STIX pattern string literal: single quotes, with `\` and `'` escaped by a backslash. */
export function stixStringLiteral(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/**
 * What `value` is as an indicator, or undefined when it is not exactly one (prose, two addresses, an
 * address with text around it).
 */
export function indicatorTypeOf(value: string): { type: IndicatorType; value: string } | undefined {
  const found = findIndicators(value);
  if (found.length !== 1 || found[0].mentions.length !== 1 || !found[0].indicatorType) return undefined;
  const { start, end } = found[0].mentions[0];
  if (start !== 0 || end !== value.length) return undefined;
  return { type: found[0].indicatorType, value: found[0].canonical };
}

/** The STIX pattern matching `value`, or undefined when `value` is not one indicator. */
export function classifyIndicator(value: string): ClassifiedIndicator | undefined {
  const classified = indicatorTypeOf(value.trim());
  if (!classified) return undefined;
  const pattern = `[${OBJECT_PATHS[classified.type]} = ${stixStringLiteral(classified.value)}]`;
  return { ...classified, pattern };
}
