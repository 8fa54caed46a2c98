/**
 * On a page that is not about cyber threats, a listed or cued name is a threat actor, malware or tool only
 * where a word of the trade is in its sentence, or where a vendor's naming scheme made it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readsAsThreatReport, withoutThreatNamesOutOfPlace } from '@/lib/entities/threat-page';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import type { Entity, EntityKind } from '@/lib/entities/types';
import { FIXTURES_DIR } from '../../../harness/paths';

const entity = (kind: EntityKind, name: string, text: string, foundBy?: Entity['foundBy']): Entity => {
  const start = text.indexOf(name);
  return {
    kind,
    name,
    canonical: name,
    aliases: [],
    mentions: [{ start, end: start + name.length, text: name }],
    ...(foundBy && { foundBy }),
  };
};
const kept = (text: string, entities: Entity[]) => withoutThreatNamesOutOfPlace(text, entities).map((e) => `${e.kind}:${e.name}`);

describe('whether a text reads as a threat report', () => {
  it('does with three words of the trade or more, one per thousand words at least', () => {
    expect(readsAsThreatReport('The ransomware gang used phishing emails and a backdoor.')).toBe(true);
    expect(readsAsThreatReport(readFileSync(path.join(FIXTURES_DIR, 'storm-1152.html'), 'utf8'))).toBe(true);
  });
  it('does with a ransomware story’s words: a ransom, an encryptor, a leak site, moving laterally', () => {
    const story =
      'The gang stole patient records. Its affiliates moved laterally with PsExec, then ran the encryptor. ' +
      'They posted samples on their leak site and asked for a ransom.';
    expect(readsAsThreatReport(story)).toBe(true);
    // Not the protocol words of ordinary technical pages.
    expect(readsAsThreatReport('Encryption protects the session; the key exchange and the encryption of records follow.')).toBe(false);
  });
  it('does not with fewer, or with a few lost in a long text', () => {
    expect(readsAsThreatReport('Lorenz showed that the weather is chaotic; his attractor became famous.')).toBe(false);
    expect(readsAsThreatReport(`Hackers breached a phishing kit. ${'Word '.repeat(5000)}`)).toBe(false);
  });
});

describe('threat names on a page that is not about threats', () => {
  const physics = `In 1963 Lorenz found that the weather is chaotic. The Economist Group later wrote about it. ${'More on the weather. '.repeat(40)}`;
  it('drops a listed or cued name with no word of the trade in its sentence', () => {
    const found = [
      entity('threat-actor', 'Lorenz', physics, { rules: { listed: true } }),
      entity('threat-actor', 'Economist Group', physics, { rules: { cue: 'actor', introduced: true } }),
      entity('place', 'weather', physics),
    ];
    expect(kept(physics, found)).toEqual(['place:weather']);
  });
  it('keeps one whose sentence has a word of the trade, and one a vendor scheme made', () => {
    const news = `Storm-1152 sold accounts. Separately, hackers of the Lorenz gang leaked files. ${'More on the weather. '.repeat(40)}`;
    const found = [
      entity('threat-actor', 'Storm-1152', news, { rules: { scheme: 'Microsoft Storm-####' } }),
      entity('threat-actor', 'Lorenz', news),
    ];
    expect(kept(news, found)).toEqual(['threat-actor:Storm-1152', 'threat-actor:Lorenz']);
  });
  it('keeps everything on a threat report, and in a text too short to judge', () => {
    const report = `Lorenz deployed ransomware after the phishing wave; the malware encrypted files. ${'More on it. '.repeat(60)}`;
    expect(kept(report, [entity('threat-actor', 'Lorenz', report)])).toEqual(['threat-actor:Lorenz']);
    expect(kept('Lorenz', [entity('threat-actor', 'Lorenz', 'Lorenz')])).toEqual(['threat-actor:Lorenz']);
    expect(kept(physics.slice(0, 90), [entity('threat-actor', 'Lorenz', physics)])).toEqual(['threat-actor:Lorenz']);
  });
});

describe('the shipped scanner on ordinary pages of the fixtures', () => {
  /** The page's text, cheaply (see indicator-context.test.ts): block ends as line breaks, other tags gone. */
  const pageText = (name: string) =>
    readFileSync(path.join(FIXTURES_DIR, 'real-pages', `${name}.html`), 'utf8')
      .replace(/<(script|style|noscript)\b[^>]*>[^]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/?(?:p|div|li|h[1-6]|br|section|article)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, '');
  const scanner = createEntityScanner(loadEntityData());
  it.each(['quanta-1', 'guardian-1', 'ietf-1'])('%s names no threat actor, malware or tool', (name) => {
    const names = scanner.findEntities(pageText(name)).filter((e) => ['threat-actor', 'malware', 'tool'].includes(e.kind));
    expect(names.map((e) => e.name)).toEqual([]);
  });
});
