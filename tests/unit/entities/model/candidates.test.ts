import { describe, expect, it } from 'vitest';
import { findCandidates, isListed, nameShaped } from '@/lib/entities/model/candidates';
import { tokenize } from '@/lib/entities/model/tokenize';
import type { Entity } from '@/lib/entities/types';

function candidates(text: string, rules: Entity[] = []) {
  const tokens = tokenize(text);
  return findCandidates(text, tokens, rules).map((c) => ({
    text: text.slice(c.start, c.end),
    rule: c.rule?.kind,
    extendsRule: c.extendsRule,
    otherKind: c.otherKind,
  }));
}

describe('candidate spans', () => {
  it('are words with a capital or a digit, and runs of up to three of them', () => {
    const texts = candidates('we dubbed the gang Black Basta Group today').map((c) => c.text);
    expect(texts).toEqual(expect.arrayContaining(['Black', 'Black Basta', 'Black Basta Group', 'Basta', 'Basta Group', 'Group']));
    expect(texts).not.toContain('gang');
  });
  it("carry the rules' decision, and the rule span with the next capitalised word", () => {
    const text = 'MineBridge RAT was seen.';
    const rule: Entity = {
      kind: 'malware',
      name: 'MineBridge',
      canonical: 'MineBridge',
      aliases: [],
      mentions: [{ start: 0, end: 10, text: 'MineBridge' }],
    };
    const found = candidates(text, [rule]);
    expect(found.find((c) => c.text === 'MineBridge')?.rule).toBe('malware');
    expect(found.find((c) => c.text === 'MineBridge RAT')?.extendsRule).toBe('malware');
  });
  it('note a stretch the rules gave another kind', () => {
    const text = 'Microsoft said so.';
    const org: Entity = {
      kind: 'organization',
      name: 'Microsoft',
      canonical: 'Microsoft',
      aliases: [],
      mentions: [{ start: 0, end: 9, text: 'Microsoft' }],
    };
    expect(candidates(text, [org]).find((c) => c.text === 'Microsoft')?.otherKind).toBe('organization');
  });
  it('name-shaped means a letter and a capital or digit', () => {
    expect(['APT28', 'LockBit', 'Ärger', 'x1'].map(nameShaped)).toEqual([true, true, true, true]);
    expect(['gang', '2024', 'A', 'über'].map(nameShaped)).toEqual([false, false, false, false]);
  });
  it('are not looked for inside encoded data (a stretch of more than 48 characters without a space)', () => {
    const base64 = '1S38T+DdPihS1W9Q6bd20VsY3+ZQIbl32r8w8sds19NfnQAd+/wCdH4H86Pzoz9aADPsfzo';
    const texts = candidates(`Seen: ${base64} then Zelvani and https://example.com/blog/2021/07/12/Zelvani-Kit-analysis.html`).map(
      (c) => c.text,
    );
    expect(texts).toEqual(['Seen', 'Zelvani']);
  });
});

describe('what the rules resolved to a list', () => {
  const actor = (extra: Partial<Entity>): Entity => ({
    kind: 'threat-actor',
    name: 'ALPHV',
    canonical: 'ALPHV',
    aliases: [],
    mentions: [{ start: 0, end: 5, text: 'ALPHV' }],
    ...extra,
  });
  it('is an entity with a canonical name, other names or an ATT&CK id of its own', () => {
    expect(isListed(actor({}))).toBe(false);
    expect(isListed(actor({ canonical: 'BlackCat' }))).toBe(true);
    expect(isListed(actor({ attackId: 'G0001' }))).toBe(true);
  });
  it('is not a gang known only by its ransomware’s names: no actor list has it, as before they were grouped', () => {
    expect(
      isListed(actor({ canonical: 'BlackCat', aliases: ['ALPHV', 'Noberus'], foundBy: { rules: { listed: true, family: true } } })),
    ).toBe(false);
  });
});
