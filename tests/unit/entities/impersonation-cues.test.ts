import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { posingAs } from '@/lib/entities/impersonation-cues';
import { software, threatActors } from './shared-data';

const before = (text: string, name: string) => posingAs(text, text.indexOf(name));
const finder = createEntityFinder(threatActors(), software());
const actorMentions = (text: string) =>
  finder
    .findEntities(text)
    .filter((e) => e.kind === 'threat-actor')
    .flatMap((e) => e.mentions.map((m) => m.text));

describe('impersonation cues: a known name borrowed (issue 13)', () => {
  it('reads "posing as X", "masquerading as the X", "pretending to be X", "impersonating X", "claiming to be X"', () => {
    expect(before('Criminals posing as Lazarus Group threatened Travelex.', 'Lazarus')).toBe(true);
    expect(before('an extortionist masquerading as the “Fancy Bear” group', 'Fancy')).toBe(true);
    expect(before('they pretended to be APT28', 'APT28')).toBe(true);
    expect(before('emails impersonating Armada Collective', 'Armada')).toBe(true);
    expect(before('a gang claiming to be REvil', 'REvil')).toBe(true);
  });
  it('leaves other words before a name alone', () => {
    expect(before('attributed to Lazarus Group', 'Lazarus')).toBe(false);
    expect(before('emails posing a threat from Lazarus Group', 'Lazarus')).toBe(false);
  });
  it('takes no listed actor from a borrowed name, but keeps it where the text means the actor', () => {
    expect(actorMentions('Criminals posing as Lazarus Group threatened Travelex with DDoS attacks.')).toEqual([]);
    expect(
      actorMentions('Criminals posing as Lazarus Group threatened Travelex. The real Lazarus Group targets banks with phishing.'),
    ).toEqual(['Lazarus Group']);
  });
});

describe('organisations and group nouns at listed names (issue 13)', () => {
  it('takes a listed front organisation for an organisation: "Mabna Institute"', () => {
    expect(actorMentions('The tactics link them to the Mabna Institute, an Iranian contractor behind phishing.')).toEqual([]);
  });
  it('takes a group noun into a listed name that is an ordinary word: "Elfin Group"', () => {
    expect(actorMentions('Groups such as the Elfin Group used the RAT in phishing.')).toEqual(['Elfin Group']);
  });
});
