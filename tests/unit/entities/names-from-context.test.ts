import { describe, expect, it } from 'vitest';
import { actorCue, softwareCue } from '@/lib/entities/context-cues';
import { isNameLike } from '@/lib/entities/cue-names';
import { findCuedNames } from '@/lib/entities/names-from-context';

const cued = (text: string) => findCuedNames(text).map((c) => c.text);
/** The cue functions on the first occurrence of `name` in `text`. */
const at = (fn: typeof actorCue, text: string, name: string) => fn(text, text.indexOf(name), text.indexOf(name) + name.length);

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
    expect(cued('with the extortion-only group Ardennes publishing data')).toEqual(['Ardennes']);
    // A word that tells one group from another in the text, between "the" and the noun: "the smaller collective X".
    expect(cued('Two crews split. The smaller collective KOLOKOL hit banks; a rival gang Vostok hit shops.')).toEqual([
      'KOLOKOL',
      'Vostok',
    ]);
    expect(cued('the other group in the chat; the second group of samples')).toEqual([]);
    // Other words between the name and the noun are no cue: "the Windows support group".
    expect(cued('the Kestrel support group; the Kestrel working group')).toEqual([]);
  });
  it('tracked as X, the aliases X and Y, alias X', () => {
    expect(cued('Microsoft tracks this group as Mint Sandstorm')).toEqual(['Mint Sandstorm']);
    expect(cued('The group is tracked by another vendor as Mascates.')).toEqual(['Mascates']);
    // The name others give it, after the first vendor's.
    expect(cued('an actor tracked by Proofpoint as TA4732 and by other researchers as Gannet.')).toEqual(['TA4732', 'Gannet']);
    expect(cued('a loader tracked by Proofpoint as TA4732 and by other researchers as Gannet.')).toEqual([]);
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
  it('tracks X as Y: Y is another name of X, whatever X is, that a vendor gives', () => {
    const [alias] = findCuedNames('Mandiant tracks DuskRelay as SHADOWPLANK; the names refer to one family.').filter(
      (c) => c.text === 'SHADOWPLANK',
    );
    expect(alias).toMatchObject({ aliasOf: { start: 16, end: 25 }, vendorName: true });
  });
  it('tracked by a vendor as X: "tracked by Microsoft Threat Intelligence as X", "tracked internally by Lab52 as X"', () => {
    expect(cued('Another cluster is tracked by Microsoft Threat Intelligence as Nightowl.')).toEqual(['Nightowl']);
    expect(cued('The actor is tracked internally by Lab52 as Cierzo.')).toEqual(['Cierzo']);
  });
  it('tracked as A, B or C: every name of the list', () => {
    expect(cued('DarkHalo, which other vendors track as APT29 or Nobelium, was behind it.')).toEqual(['APT29', 'Nobelium']);
    expect(cued('We track them as Foo Bar, Baz Qux and Quux Corge.')).toEqual(['Foo Bar', 'Baz Qux', 'Quux Corge']);
  });
  it('not a name a software noun is tracked under: "a variant tracked as X", "the launcher, which we track as X"', () => {
    expect(cued('a variant tracked as Nullveil, and an earlier version of the launcher, which we track as SLIPNOTE')).toEqual([]);
    expect(cued('the launcher, which we track as SLIPNOTE or SLIPNOTE.V2')).toEqual([]);
    expect(cued('a second-stage Mach-O binary that we track as TideSpar, and a payload tracked as Gnarl')).toEqual([]);
    expect(cued('The archive held a DLL that we track as INKWELL, and a script tracked as Gnarl')).toEqual([]);
    expect(cued('often through a small loader we track as HUSKLOAD, which decrypts shellcode')).toEqual([]);
    expect(cued('The loader that delivers it, which we track as Cinderhook, drops Formbook')).toEqual([]);
    expect(cued('a small downloader Proofpoint tracks as ZipLoom')).toEqual([]);
    expect(cued('a JSP webshell that ThreatLabz tracks as Pencere, and a phishing kit tracked as Espejo')).toEqual([]);
    expect(cued('packed with a native crypter that we track as Kilnpack')).toEqual([]);
    expect(cued('the first test samples of the loader we now track as SPOOLDRIFT')).toEqual([]);
    expect(cued('some researchers continue to track the family as Tidepull')).toEqual([]);
    expect(cued('a loader tracked by Mandiant as FOGLOAD')).toEqual([]);
    expect(cued('A second-stage Outlook add-in, tracked by us as Thornmail, steals mail.')).toEqual([]);
  });
  it('the ransomware gang X, the ransomware group X, the traffer team X', () => {
    expect(cued('The ransomware gang Quartz Owl hit two hospitals; the ransomware group Copper Finch did not.')).toEqual([
      'Quartz Owl',
      'Copper Finch',
    ]);
    expect(cued('The most prolific of them, the traffer team Velvet Chorus, spreads the stealer.')).toEqual(['Velvet Chorus']);
    // A list after the plural is the list rule's (group-introducing-cues.ts), not this one's.
    expect(cued('ransomware gangs Are busy')).toEqual([]);
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
    // A former name is another name too: "Dozor-41 (formerly KiberFront Z)".
    for (const former of ['Dozor-41 (formerly KiberFront Z) posts', 'Dozor-41, previously known as KiberFront Z, posts']) {
      const [alias] = findCuedNames(former).filter((n) => n.aliasOf);
      expect([alias.text, former.slice(alias.aliasOf!.start, alias.aliasOf!.end)]).toEqual(['KiberFront Z', 'Dozor-41']);
    }
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
  it('takes no hash name or label in brackets for an abbreviation: "Albaicin (SHA256):", "Pinsapo (C2): …"', () => {
    expect(cued('Albaicin (SHA256) and Pinsapo (MD5)')).toEqual([]);
    expect(cued('Pinsapo (C2): 203.0.113.7')).toEqual([]);
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
    // A vendor scheme's prefix alone names no group: '"UNK" is the designation Proofpoint uses for a cluster'.
    expect(isNameLike('UNK')).toBe(false);
    expect(isNameLike('UNC')).toBe(false);
  });
  it('refuses a two-word vendor by its first word, so that its second stays free: "Pressure Point", not "Check Point"', () => {
    expect(isNameLike('Pressure Point')).toBe(true);
    expect(isNameLike('Check Point')).toBe(false);
    expect(isNameLike('Trend Micro')).toBe(false);
    expect(isNameLike('Recorded Future')).toBe(false);
    expect(cued('a criminal group calling itself Pressure Point rents out the botnet')).toEqual(['Pressure Point']);
  });
});
