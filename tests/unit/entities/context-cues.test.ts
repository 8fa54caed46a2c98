import { describe, expect, it } from 'vitest';
import { actorCue, cuesAround, softwareCue, strongActorCue } from '@/lib/entities/context-cues';
import { findCuedNames } from '@/lib/entities/names-from-context';

const cued = (text: string) => findCuedNames(text).map((c) => c.text);
/** The cue functions on the first occurrence of `name` in `text`. */
const at = (fn: typeof actorCue, text: string, name: string) => fn(text, text.indexOf(name), text.indexOf(name) + name.length);

describe('cues around one mention', () => {
  it('calls a name an actor when a group noun follows or an attribution precedes it', () => {
    expect(at(actorCue, 'the Foo group struck', 'Foo')).toBe(true);
    expect(at(actorCue, 'Foo’s affiliates struck', 'Foo')).toBe(true);
    expect(at(actorCue, 'we attributed it to Foo.', 'Foo')).toBe(true);
    expect(at(actorCue, 'a backdoor the community attributes to Foo.', 'Foo')).toBe(true);
    expect(at(actorCue, 'an actor that shares TTPs with Foo.', 'Foo')).toBe(true);
    expect(at(actorCue, 'the victimology fits with the interests of Foo.', 'Foo')).toBe(true);
    expect(at(actorCue, 'the threat actor “Foo”', 'Foo')).toBe(true);
    expect(at(actorCue, 'Foo sells shoes', 'Foo')).toBe(false);
    // Software is used by someone: "tools used by Winnti" (a group, and also listed malware).
    expect(at(actorCue, 'its tools overlap with those used by Foo.', 'Foo')).toBe(true);
    expect(at(strongActorCue, 'its tools overlap with those used by Foo.', 'Foo')).toBe(false);
  });
  it('calls a name a group where the operation or the people behind it follow: "the LockBit operation", "the ALPHV core team"', () => {
    for (const text of [
      'the LockBit operation',
      'the ALPHV core team',
      'the ALPHV ransomware-as-a-service operation',
      'the LockBit leak site',
    ]) {
      expect(at(strongActorCue, text, text.split(' ')[1])).toBe(true);
    }
  });
  it('calls a name software when a software noun follows or a deployment verb precedes it', () => {
    expect(at(softwareCue, 'a new Foo sample', 'Foo')).toBe(true);
    expect(at(softwareCue, 'the Foo-backdoor', 'Foo')).toBe(true);
    expect(at(softwareCue, 'they deployed Foo on hosts', 'Foo')).toBe(true);
    expect(at(softwareCue, 'a variant of the Foo family', 'Foo')).toBe(true);
    expect(at(softwareCue, 'used by Foo', 'Foo')).toBe(false);
  });
  it('keeps strong actor cues (group nouns, attribution) apart from looser ones (named, known as)', () => {
    expect(at(strongActorCue, 'Foo operators said', 'Foo')).toBe(true);
    expect(at(strongActorCue, 'a tool dubbed Foo', 'Foo')).toBe(false);
    expect(at(actorCue, 'a tool dubbed Foo', 'Foo')).toBe(true);
  });
  it('makes people who lead or belong to a name a strong cue, after a possessive: "Foo\'s leader", "Foo, whose members"', () => {
    expect(at(strongActorCue, 'the disruption of Foo, whose leader was named', 'Foo')).toBe(true);
    expect(at(strongActorCue, 'Foo’s alleged administrator was charged', 'Foo')).toBe(true);
    expect(at(strongActorCue, 'Foo, whose members met online', 'Foo')).toBe(true);
    // Without the possessive the noun may be anybody's: "Foo administrators" manage Foo.
    expect(at(strongActorCue, 'Foo administrators should patch', 'Foo')).toBe(false);
    expect(at(strongActorCue, 'Foo, whose code was leaked', 'Foo')).toBe(false);
  });
  it('shares what a plural verb says of a list with each of its names: "Foo, Bar and Baz were the most active gangs"', () => {
    expect(at(strongActorCue, 'Foo, Bar and Baz were the most active gangs.', 'Foo')).toBe(true);
    expect(at(strongActorCue, 'It names Foo, Bar and Baz as the most active gangs.', 'Bar')).toBe(true);
    // An apposition after the list is about its last name only.
    expect(at(strongActorCue, 'We saw Foo, Bar and Baz, a ransomware gang, in May.', 'Foo')).toBe(false);
    expect(at(strongActorCue, 'We saw Foo, Bar and Baz, a ransomware gang, in May.', 'Baz')).toBe(true);
    // A plural verb needs no article.
    expect(at(strongActorCue, 'Foo and Bar are ransomware gangs.', 'Foo')).toBe(true);
    expect(at(strongActorCue, 'Foo and Bar were among the most active groups.', 'Bar')).toBe(true);
    expect(cued('These are ransomware gangs.')).toEqual([]);
  });
  it('makes the other name a gang is given right after it a strong cue: "the gang, also known as Foo"', () => {
    expect(at(strongActorCue, 'The gang, also known as Foo, leaked it.', 'Foo')).toBe(true);
    expect(at(strongActorCue, 'the Bar group known as “Foo”', 'Foo')).toBe(true);
    expect(at(strongActorCue, 'the tool, also known as Foo', 'Foo')).toBe(false);
    expect(cued('The gang, also known as Foo Bar, leaked the files.')).toEqual(['Foo Bar']);
  });
  it('calls a name software where the thing a naming word names is software: "a ransomware strain dubbed Foo"', () => {
    for (const text of ['a new ransomware strain dubbed Foo', 'The ransomware, dubbed Foo, appeared', 'a backdoor which we named “Foo”']) {
      expect(at(softwareCue, text, 'Foo')).toBe(true);
      expect(at(actorCue, text, 'Foo')).toBe(false);
    }
    expect(at(actorCue, 'a ransomware gang dubbed Foo', 'Foo')).toBe(true);
    expect(at(softwareCue, 'a ransomware gang dubbed Foo', 'Foo')).toBe(false);
  });
  it('answers all three at once as each alone would (cuesAround, which the finder uses)', () => {
    const phrases = [
      'a new ransomware strain dubbed Foo',
      'the Foo group struck',
      'Foo operators said',
      'a tool dubbed Foo',
      'they deployed Foo on hosts',
      'a new Foo sample',
      'used by Foo',
      'Foo',
    ];
    for (const text of phrases) {
      const start = text.indexOf('Foo');
      expect(cuesAround(text, start, start + 3)).toEqual({
        actor: actorCue(text, start, start + 3),
        strongActor: strongActorCue(text, start, start + 3),
        software: softwareCue(text, start, start + 3),
      });
    }
  });
});
