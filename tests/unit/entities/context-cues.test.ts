import { describe, expect, it } from 'vitest';
import { actorCue, cuesAround, findCuedNames, softwareCue, strongActorCue } from '@/lib/entities/context-cues';
import { isNameLike } from '@/lib/entities/cue-names';

const cued = (text: string) => findCuedNames(text).map((c) => c.text);
/** The cue functions on the first occurrence of `name` in `text`. */
const at = (fn: typeof actorCue, text: string, name: string) => fn(text, text.indexOf(name), text.indexOf(name) + name.length);

describe('cues around one mention', () => {
  it('calls a name an actor when a group noun follows or an attribution precedes it', () => {
    expect(at(actorCue, 'the Foo group struck', 'Foo')).toBe(true);
    expect(at(actorCue, 'Foo’s affiliates struck', 'Foo')).toBe(true);
    expect(at(actorCue, 'we attributed it to Foo.', 'Foo')).toBe(true);
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
      'the Avaddon RaaS program',
      'the ALPHV ransomware-as-a-service operation',
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

describe('names proposed by context', () => {
  it('the X group, the X gang, the X threat actors', () => {
    expect(cued('the Lazarous group and the Fooz gang')).toEqual(['Lazarous', 'Fooz']);
  });
  it('X ransomware gang / operators / affiliates', () => {
    expect(cued('Barracuda ransomware operators and Qux ransomware affiliates')).toEqual(['Barracuda', 'Qux']);
  });
  it('threat actor X, group named X, threat actor known as X', () => {
    expect(cued('The threat actor HydroJiin; an APT group named “ReconHellcat”; threat actor known as "Fancy Lazarus"')).toEqual([
      'HydroJiin',
      'ReconHellcat',
      'Fancy Lazarus',
    ]);
  });
  it('the X (ABBR) threat actors: the abbreviation between the name and the group noun', () => {
    expect(cued('campaigns by the Purple Herons (PH) threat actors; the Blue Mantis (BM) group')).toEqual([
      'Purple Herons',
      'PH',
      'Blue Mantis',
      'BM',
    ]);
  });
  it('reads a group or software noun after a closing quote or emphasis: “X” group, *X* malware', () => {
    const text = 'the “Vexing Panda” group and the *Zorblat* malware';
    expect(at(actorCue, text, 'Vexing Panda')).toBe(true);
    expect(at(softwareCue, text, 'Zorblat')).toBe(true);
    expect(at(actorCue, 'the “Vexing Panda” sample', 'Vexing Panda')).toBe(false);
  });
  it('the crew or gang known as X', () => {
    expect(cued('Analysts tie it to the crew known as Vexa Spider; the gang known as “Orchid” denies it')).toEqual([
      'Vexa Spider',
      'Orchid',
    ]);
  });
  it('a group noun set off by a comma before its name: "a crew, known as X", "a threat actor, dubbed X"', () => {
    expect(cued('Another crew, known as B.R.Z., sold access; a threat actor, dubbed Tallow Moth, struck')).toEqual([
      'B.R.Z.',
      'Tallow Moth',
    ]);
    // The comma alone is no cue: "the group, Kestrel said" names no group.
    expect(cued('the group, Kestrel said, was small')).toEqual([]);
  });
  it('the X group with up to two words that say what kind of group it is, or a collective or syndicate', () => {
    expect(
      cued(
        'the Saltmarsh cybercriminal group; the Velvet Orchid state-sponsored espionage group; the Copperhand syndicate; the NoirVolt hacktivist collective',
      ),
    ).toEqual(['Saltmarsh', 'Velvet Orchid', 'Copperhand', 'NoirVolt']);
    // The same words before the noun, the name after it.
    expect(cued('The hacktivist group Sunhollow Legion defaced websites; the extortion crew "Palehorn" leaked files')).toEqual([
      'Sunhollow Legion',
      'Palehorn',
    ]);
    // Other words between the name and the noun are no cue: "the Windows support group".
    expect(cued('the Kestrel support group; the Kestrel working group')).toEqual([]);
  });
  it('tracked as X, the aliases X and Y, alias X', () => {
    expect(cued('Microsoft tracks this group as Mint Sandstorm')).toEqual(['Mint Sandstorm']);
    // Software tracked under a name is not a group: "a variant tracked as X".
    expect(cued('FBI has observed a variant tracked as Nullveil.sys, which kills processes')).toEqual([]);
    expect(cued('known by the aliases ‘Hydro’ and ‘JiiN’')).toEqual(['Hydro', 'JiiN']);
    expect(cued('By the other alias *JiiN*, it sells')).toEqual(['JiiN']);
  });
  it('keeps a number that ends a group’s name, not a count, a measure, a year or a version after it', () => {
    expect(cued('a threat actor which PwC calls Red Dev 40. Later')).toContain('Red Dev 40');
    expect(cued('Microsoft tracks this group as Storm 17, which')).toEqual(['Storm 17']);
    expect(cued('the broker previously known as Velvet Quay went quiet')).toEqual(['Velvet Quay']);
    for (const after of [' 3 years ago', ' 2024 onwards', ' 3.0 builds', ' 12:30 UTC', ' 40%', ' 5 victims'])
      expect(cued(`PwC tracks this group as Blue Fox${after}`), after).toEqual(['Blue Fox']);
  });
  it('tracks X as Y: Y is another name of X, whatever X is', () => {
    const [alias] = findCuedNames('Mandiant tracks DuskRelay as SHADOWPLANK; the names refer to one family.').filter(
      (c) => c.text === 'SHADOWPLANK',
    );
    expect(alias.aliasOf).toEqual({ start: 16, end: 25 });
  });
  it('takes a name that starts with digits before a capital for a group (“the 8Ball crew”), not an ordinal or a measure', () => {
    expect(cued('The 8Ball crew sells access.')).toEqual(['8Ball']);
    expect(cued('The 3rd group and the 64bit crew')).toEqual([]);
  });
  it('X (also known as Y, Z) and X, aka Y: the aliases point at X', () => {
    const text = 'The Winnti Group (also known as APT41, BARIUM, and Blackfly) is busy.';
    // "The Winnti Group" is a group's name too (a capitalised group noun after "the").
    const names = findCuedNames(text).filter((n) => n.aliasOf);
    expect(findCuedNames(text).map((n) => n.text)).toEqual(['Winnti Group', 'APT41', 'BARIUM', 'Blackfly']);
    for (const n of names) expect(text.slice(n.aliasOf!.start, n.aliasOf!.end)).toContain('Winnti Group');
  });
  it('the keyword may be in Markdown emphasis: "APT28 (*aka* Sofacy, Sednit, Fancy Bear, etc."', () => {
    const text = 'a new APT28 (*aka* Sofacy, Sednit, Fancy Bear, STRONTIUM, etc.\ncampaign';
    const aliases = findCuedNames(text).filter((n) => n.aliasOf);
    expect(aliases.map((n) => n.text)).toEqual(['Sofacy', 'Sednit', 'Fancy Bear', 'STRONTIUM']);
    for (const n of aliases) expect(text.slice(n.aliasOf!.start, n.aliasOf!.end)).toBe('APT28');
    expect(cued('Sofacy, _also known as_ Sednit').slice(-1)).toEqual(['Sednit']);
  });
  it('Known Name (ABBR): the abbreviation points at the name', () => {
    const [gc] = findCuedNames('the Golden Chickens (GC) family');
    expect(gc).toMatchObject({ text: 'GC' });
    expect('the Golden Chickens (GC) family'.slice(gc.aliasOf!.start, gc.aliasOf!.end)).toBe('Golden Chickens');
  });
  it('leaves the sentence-initial stop words out of a name a cue starts with: "The Quartz ransomware gang"', () => {
    expect(cued('The Quartz ransomware gang claimed it.')).toEqual(['Quartz']);
    const [quartz] = findCuedNames('The Quartz ransomware gang claimed it.');
    expect(quartz).toMatchObject({ start: 4, end: 10 });
  });
  it('proposes only name-like words: no articles, nationalities, vendors or software names', () => {
    expect(cued('the Russian group, the The gang, the Microsoft group, the Minebridge RAT threat actors')).toEqual([]);
    expect(isNameLike('ReconHellcat')).toBe(true);
    expect(isNameLike('Chinese')).toBe(false);
  });
});
