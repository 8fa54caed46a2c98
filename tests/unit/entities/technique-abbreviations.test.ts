import { describe, expect, it } from 'vitest';
import { abbreviationMentions } from '@/lib/entities/technique-abbreviations';

const names: Record<string, string> = { ransomware: 'T1486', 'domain generation algorithm': 'T1568.002', phishing: 'T1566' };
const techniqueOf = (name: string) => names[name];
const uses = (text: string) => abbreviationMentions(text, techniqueOf).map((m) => [m.text, m.start, m.id]);

describe('abbreviations a text defines for a technique', () => {
  it('names the technique wherever the text uses the abbreviation, its definition included', () => {
    const text = 'It is sold as Ransomware-as-a-Service (RaaS). RaaS affiliates pay; raas is not it.';
    expect(uses(text)).toEqual([
      ['RaaS', 39, 'T1486'],
      ['RaaS', 46, 'T1486'],
    ]);
  });

  it('takes a whole technique name spelled out before the brackets', () => {
    const text = 'A domain generation algorithm (DGA) picks the domains. The DGA is seeded by date.';
    expect(uses(text).map(([t, , id]) => [t, id])).toEqual([
      ['DGA', 'T1568.002'],
      ['DGA', 'T1568.002'],
    ]);
  });

  it('needs the initials to spell the abbreviation, the phrase to start with a technique, and two capitals', () => {
    expect(uses('We saw ransomware (RW) and RW again.')).toEqual([]);
    expect(uses('The command and control (CC) server; CC again.')).toEqual([]);
    expect(uses('Ransomware-as-a-Service (raas) and raas.')).toEqual([]);
    expect(uses('phishing (Ph) then Ph.')).toEqual([]);
  });
});
