import { describe, expect, it } from 'vitest';
import { actorCue, cuesAround, findCuedNames, isNameLike, softwareCue, strongActorCue } from '@/lib/entities/context-cues';

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
  it('answers all three at once as each alone would (cuesAround, which the finder uses)', () => {
    const phrases = [
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
  it('tracked as X, the aliases X and Y, alias X', () => {
    expect(cued('Microsoft tracks this group as Mint Sandstorm')).toEqual(['Mint Sandstorm']);
    expect(cued('known by the aliases ‘Hydro’ and ‘JiiN’')).toEqual(['Hydro', 'JiiN']);
    expect(cued('By the other alias *JiiN*, it sells')).toEqual(['JiiN']);
  });
  it('X (also known as Y, Z) and X, aka Y: the aliases point at X', () => {
    const text = 'The Winnti Group (also known as APT41, BARIUM, and Blackfly) is busy.';
    const names = findCuedNames(text);
    expect(names.map((n) => n.text)).toEqual(['APT41', 'BARIUM', 'Blackfly']);
    for (const n of names) expect(text.slice(n.aliasOf!.start, n.aliasOf!.end)).toContain('Winnti Group');
  });
  it('Known Name (ABBR): the abbreviation points at the name', () => {
    const [gc] = findCuedNames('the Golden Chickens (GC) family');
    expect(gc).toMatchObject({ text: 'GC' });
    expect('the Golden Chickens (GC) family'.slice(gc.aliasOf!.start, gc.aliasOf!.end)).toBe('Golden Chickens');
  });
  it('proposes only name-like words: no articles, nationalities, vendors or software names', () => {
    expect(cued('the Russian group, the The gang, the Microsoft group, the Minebridge RAT threat actors')).toEqual([]);
    expect(isNameLike('ReconHellcat')).toBe(true);
    expect(isNameLike('Chinese')).toBe(false);
  });
});

describe('names a text gives a group it introduces (issue 13)', () => {
  it('takes the name the researchers gave the gang: "we dubbed the gang X", "tracking this new group as X"', () => {
    expect(cued('We dubbed the gang Quartz Lynx after its lures.')).toContain('Quartz Lynx');
    expect(cued('We are tracking this new group as “Velvet Tide”.')).toContain('Velvet Tide');
    expect(cued('Analysts refer to the actor as Marble Heron.')).toContain('Marble Heron');
  });
  it('takes the name a group gives itself: "the group — which refers to itself as X", "a gang that calls itself X"', () => {
    expect(cued('The group — which refers to itself as Vice Society — leaks data.')).toContain('Vice Society');
    expect(cued('A gang that calls itself “Lapsus” took credit.')).toContain('Lapsus');
    // Not across a sentence end, and not a program calling itself something.
    expect(cued('The group struck. The packer calls itself Ghost.')).not.toContain('Ghost');
  });
  it('takes a name said to be a group: "X is a ransomware gang", "X, a financially motivated group", "X: one of the newest gangs"', () => {
    expect(cued('Vexor is a relatively new ransomware gang.')).toContain('Vexor');
    expect(cued('Lorenz, a financially motivated cybercrime group, struck.')).toContain('Lorenz');
    expect(cued('**Zarya:** One of the newest ransomware gangs.')).toContain('Zarya');
    expect(cued('Kinsing was not the only group to do so.')).toContain('Kinsing');
    // Sentence adverbs and phrases that go on past the noun are no names.
    expect(cued('However, the group went quiet.')).toEqual([]);
    expect(cued('Mofang, a backdoor used by the group, beacons.')).not.toContain('Mofang');
  });
  it('takes "X APT" but not "APT groups", a vendor scheme or a describing adjective', () => {
    expect(cued('the Sidewinder APT targets navies')).toContain('Sidewinder');
    expect(cued('Sidewinder APT groups')).not.toContain('Sidewinder');
    expect(cued('a State-sponsored APT struck')).toEqual([]);
    expect(cued('a China-nexus APT struck')).toEqual([]);
  });
  it('says a group noun after "is a" or in apposition is a cue right at the mention', () => {
    expect(at(strongActorCue, 'Foo is a ransomware gang', 'Foo')).toBe(true);
    expect(at(actorCue, 'Foo, a Russian-speaking group', 'Foo')).toBe(true);
    expect(at(actorCue, 'Foo, the group said', 'Foo')).toBe(false);
    expect(at(actorCue, 'Foo is a tool used by the group', 'Foo')).toBe(false);
  });
});
