import { describe, expect, it } from 'vitest';
import { withReadableCanonicals } from '@/lib/entities/readable-canonicals';
import type { Entity } from '@/lib/entities/types';

const entity = (kind: Entity['kind'], canonical: string, mentions: string[], aliases: string[] = []): Entity => ({
  kind,
  name: mentions[0],
  canonical,
  aliases,
  mentions: mentions.map((text, i) => ({ start: i * 20, end: i * 20 + text.length, text })),
});
const canonicalOf = (e: Entity) => withReadableCanonicals([e])[0].canonical;

describe('withReadableCanonicals', () => {
  it('writes a lower-case listed name as the text writes it, preferring a spelling that is not all capitals', () => {
    expect(canonicalOf(entity('malware', 'rhysida', ['RHYSIDA', 'Rhysida']))).toBe('Rhysida');
    expect(canonicalOf(entity('threat-actor', 'play', ['PLAY']))).toBe('PLAY');
    expect(canonicalOf(entity('tool', 'inc ransom', ['Inc\n  Ransom']))).toBe('Inc Ransom');
    // A gang's mention with its noun: "the 8Base gang".
    expect(canonicalOf(entity('threat-actor', '8base', ['8Base gang']))).toBe('8Base');
  });

  it('else takes a listed name that differs only in case, and else leaves the name alone', () => {
    expect(canonicalOf(entity('malware', 'lynx', ['lynx'], ['LYNX', 'Lynx Locker']))).toBe('LYNX');
    expect(canonicalOf(entity('threat-actor', 'hunters', ['Hunters International'], ['Hunters International']))).toBe('hunters');
  });

  it('gives a lower-case listed name the capitals of its joined spelling in the text: "black suit" found as BlackSuit', () => {
    expect(canonicalOf(entity('malware', 'black suit', ['BlackSuit']))).toBe('Black Suit');
    expect(canonicalOf(entity('threat-actor', 'black suit', ['BlackSuit gang']))).toBe('Black Suit');
    expect(canonicalOf(entity('malware', 'black suit', ['BLACKSUIT']))).toBe('black suit');
  });

  it('keeps names that have capitals, and the lower-case forms of indicators', () => {
    expect(canonicalOf(entity('malware', 'LockBit', ['LOCKBIT']))).toBe('LockBit');
    const hash = 'd41d8cd98f00b204e9800998ecf8427e';
    expect(canonicalOf(entity('indicator', hash, [hash.toUpperCase()]))).toBe(hash);
  });
});
