import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import type { ThreatActorRecord } from '@/lib/entities/dictionary';
import { startsLongerName } from '@/lib/entities/longer-name-after';
import { threatActors } from './shared-data';

const after = (text: string, name: string) => startsLongerName(text, text.indexOf(name) + name.length);
// The shipped actors, as a fold of `--cv --unseen` might leave them: no software list, so "Cobalt Strike" is in no list.
const finder = createEntityFinder(threatActors() as ThreatActorRecord[], []);
const actorMentions = (text: string) =>
  finder
    .findEntities(text)
    .filter((e) => e.kind === 'threat-actor')
    .flatMap((e) => e.mentions.map((m) => m.text));

describe('a listed ordinary word that starts a longer name (issue 13, unseen names)', () => {
  it('reads a capitalised word right after the name on the same line', () => {
    expect(after('They deployed Cobalt Strike beacons.', 'Cobalt')).toBe(true);
    expect(after('Cobalt\u00a0Kitty tooling', 'Cobalt')).toBe(true);
  });
  it('not a group noun, a lower-case word, punctuation or a new line', () => {
    expect(after('the Cobalt Group struck', 'Cobalt')).toBe(false);
    expect(after('the Cobalt APT struck', 'Cobalt')).toBe(false);
    expect(after('Cobalt Operators moved', 'Cobalt')).toBe(false);
    expect(after('Cobalt struck banks', 'Cobalt')).toBe(false);
    expect(after('attributed to Cobalt. The banks', 'Cobalt')).toBe(false);
    expect(after('attributed to Cobalt\nThe banks', 'Cobalt')).toBe(false);
  });
  it('takes no actor out of a name no list has that starts with a listed ordinary word', () => {
    // "Cobalt Group" licenses the weak "Cobalt" elsewhere in the text, but not inside "Cobalt Strike".
    expect(actorMentions('The Cobalt Group targeted banks. The attackers also deployed Cobalt Strike beacons.')).toEqual(['Cobalt Group']);
    expect(actorMentions('The Cobalt Group is back. Cobalt Strike is a legitimate security tool used by criminals.')).toEqual([
      'Cobalt Group',
    ]);
  });
  it('keeps the listed actor where a group noun or an ordinary word follows it', () => {
    expect(actorMentions('The Cobalt Group targeted banks. Later Cobalt struck again with phishing.')).toEqual(['Cobalt Group', 'Cobalt']);
  });
});
