import { describe, expect, it } from 'vitest';
import { describeEntity } from '@/lib/entities/entity-details';
import { readIndicatorType } from '@/lib/entities/explain-kind';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { software, threatActors } from './shared-data';

const actors = threatActors();
const scanner = createEntityScanner({ actors, software: software() });
const sources = { actors, software: [], userActorKeys: new Set<string>() };
const TEXT =
  'Microsoft said the actor exploited CVE-2023-23397 against firms in Germany. GoldLoader beacons to its C2 at update-check-service[.]net ' +
  'and 198.51.100.23. The SHA-256 is 3b1e6c2a9f5d4e7b8c0a1d2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b and the MD5 is 5d41402abc4b2a76b9719d911017c592.';
const why = (canonical: string) => {
  const entity = scanner.findEntities(TEXT).find((e) => e.canonical === canonical);
  if (!entity) throw new Error(`${canonical} was not found`);
  return describeEntity(entity, sources).why;
};

describe('why a CVE, an indicator, an organisation or a place is there', () => {
  it('says what each finder looks for, where no list, scheme, cue or model gave a reason', () => {
    expect(why('CVE-2023-23397')).toEqual(['A CVE id in the text (CVE, the year, then a number)']);
    expect(why('3b1e6c2a9f5d4e7b8c0a1d2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b')).toEqual([
      'A SHA-256 hash: exactly 64 hexadecimal digits, letters and digits mixed (hashes count as indicators, unless a MISP warninglist holds them)',
    ]);
    expect(why('5d41402abc4b2a76b9719d911017c592')[0]).toMatch(/^An MD5 hash: exactly 32 hexadecimal digits/);
    expect(why('198.51.100.23')).toEqual([
      'An IPv4 address in the article text (IP addresses count as indicators, unless a MISP warninglist holds them)',
    ]);
    expect(why('update-check-service.net')[0]).toMatch(/^A domain the text presents as an indicator: written defanged, /);
    const named = (kind: 'organization' | 'place', name: string) =>
      describeEntity({ kind, name, canonical: name, aliases: [], mentions: [] }, sources).why;
    expect(named('organization', 'Microsoft')[0]).toMatch(/^An organization the text names: a listed name/);
    expect(named('place', 'Germany')[0]).toMatch(/^A place on Gloss’s list of countries/);
  });

  it('gives no reason of last resort where a list or rule already gave one', () => {
    const emotet = scanner.findEntities('Emotet was seen again.').find((e) => e.canonical === 'Emotet')!;
    expect(describeEntity(emotet, { ...sources, software: software() }).why).toEqual(['A listed name (MITRE ATT&CK, MISP galaxy)']);
  });

  it('keeps an indicator type from a message only when Gloss knows it', () => {
    expect(readIndicatorType('sha256')).toBe('sha256');
    expect(readIndicatorType('sha512')).toBeUndefined();
    expect(readIndicatorType({ toString: () => 'md5' })).toBeUndefined();
  });
});
