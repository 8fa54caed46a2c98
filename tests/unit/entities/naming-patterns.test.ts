import { describe, expect, it } from 'vitest';
import { findNamingPatterns } from '@/lib/entities/naming-patterns';

const names = (text: string, threatContext?: boolean) => findNamingPatterns(text, threatContext).map((m) => m.text);

describe('vendor naming patterns', () => {
  it('finds numbered schemes anywhere', () => {
    expect(names('Storm-2077, DEV-0537, APT 41, APT40, UNC5221, FIN12, TA577, TEMP.Veles, UAC-0050', false)).toEqual([
      'Storm-2077',
      'DEV-0537',
      'APT 41',
      'APT40',
      'UNC5221',
      'FIN12',
      'TA577',
      'TEMP.Veles',
      'UAC-0050',
    ]);
  });
  it('skips ATT&CK tactic ids and longer numbers', () => {
    expect(names('TA0001 Storm-11521 APT123', true)).toEqual([]);
  });
  it('finds word schemes (weather, animals, constellations) only on a threat-related page', () => {
    const text =
      'Microsoft tracks the threat actor as Mint Sandstorm; CrowdStrike calls it CHARMING KITTEN; Unit 42 says Agonizing Serpens.';
    expect(names(text)).toEqual(['Mint Sandstorm', 'CHARMING KITTEN', 'Agonizing Serpens']);
    expect(names('Lilac Typhoon and Fancy Bear', false)).toEqual([]);
  });
  it('finds Microsoft’s element names in capitals on a threat-related page, but no ordinary word or other case', () => {
    const text = 'The group is known as UNC4820 by Mandiant and PRASEODYMIUM by Microsoft; HAFNIUM and ZINC struck.';
    expect(names(text, true)).toEqual(['UNC4820', 'PRASEODYMIUM', 'HAFNIUM', 'ZINC']);
    expect(names('PRASEODYMIUM and HAFNIUM', false)).toEqual([]);
    expect(names('LEAD, TIN, GOLD, IRON, IODINE, MEDIUM and PREMIUM; Hafnium and zinc', true)).toEqual([]);
  });
  it('ignores weather and wildlife phrases even on a threat-related page', () => {
    expect(names('Super Typhoon, Heavy Rain, Flash Flood, Giant Panda and Arctic Blizzard', true)).toEqual([]);
  });
  it('ignores organisations named with a scheme’s words: "The Water Project", "Earth Institute" (issue 13)', () => {
    expect(names('The Water Project and the Earth Institute helped; Earth Lusca struck.', true)).toEqual(['Earth Lusca']);
  });
});
