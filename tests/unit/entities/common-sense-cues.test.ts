import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { commonSenseCue } from '@/lib/entities/common-sense-cues';
import { software, threatActors } from './shared-data';

/** `commonSenseCue` right after the first occurrence of `name` in `text`. */
const after = (text: string, name: string) => commonSenseCue(text, text.indexOf(name) + name.length);

describe('commonSenseCue', () => {
  it('reads a work, a band, a charity or a vehicle in apposition right after the name', () => {
    expect(after('Lazarus, the BBC drama, returns for a second season.', 'Lazarus')).toBe(true);
    expect(after('Turla, a Russian pop band, announced a tour.', 'Turla')).toBe(true);
    expect(after('a shop on Hydra, the Russian-language darknet marketplace, closed', 'Hydra')).toBe(true);
    expect(after('Sandworm (a 2019 book by Andy Greenberg) tells it.', 'Sandworm')).toBe(true);
    expect(after('the Sidewinder, a short-range air-to-air missile', 'Sidewinder')).toBe(true);
  });
  it('reads such a thing named by a noun right after the name: "the Sidewinder missile", "Lotus Blossom tea"', () => {
    expect(after('an AIM-9 Sidewinder missile', 'Sidewinder')).toBe(true);
    expect(after('She brewed Lotus Blossom tea.', 'Lotus Blossom')).toBe(true);
    expect(after('In the Carbanak movie, hackers steal millions.', 'Carbanak')).toBe(true);
    // Not a noun a report puts after a gang: "the Sandworm series of attacks".
    expect(after('the Sandworm series of attacks', 'Sandworm')).toBe(false);
  });
  it('reads a product named by its flaws or by what it is: "Zimbra vulnerabilities", "a Zimbra mail server"', () => {
    expect(after('the exploitation of Zimbra vulnerabilities', 'Zimbra')).toBe(true);
    expect(after('a Zimbra zero-day was patched', 'Zimbra')).toBe(true);
    expect(after('a vulnerable Zimbra mail server', 'Zimbra')).toBe(true);
    expect(after('CVE-2022-27925 Zimbra Collaboration Suite', 'Zimbra')).toBe(true);
    expect(after('the Zimbra ransomware and its C2 server', 'Zimbra')).toBe(false);
    expect(after('Zimbra ransomware encrypts files', 'Zimbra')).toBe(false);
  });
  it('does not read a group described with such a word, or one further on', () => {
    expect(after('Lazarus, the group behind the film studio hack, struck again.', 'Lazarus')).toBe(false);
    expect(after('Turla, a group that targets a magazine, struck.', 'Turla')).toBe(false);
    expect(after('Turla struck a Russian pop band.', 'Turla')).toBe(false);
  });
});

describe('names in their common sense, found by the rules', () => {
  const finder = createEntityFinder(threatActors(), software());
  const names = (text: string) => finder.findEntities(text).map((e) => `${e.kind} ${e.name}`);

  it('drops a listed actor or malware the text calls something else, wherever the text names it', () => {
    const text =
      'Ransomware attacks on hospitals rose. Lazarus, the BBC drama, returns; Lazarus airs on Sunday. Turla, a Russian pop band, announced a tour.';
    expect(names(text)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Lazarus|Turla/)]));
  });
  it('drops a listed family named like a product the text speaks of as vulnerable', () => {
    const text = 'Attackers chained two Zimbra vulnerabilities to reach Zimbra Collaboration Suite servers; Zimbra patched both.';
    expect(names(text)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Zimbra/)]));
  });
  it('drops the name throughout a text that names it by such a noun', () => {
    const text = 'The jet fired an AIM-9 Sidewinder missile at the drone over the sea. The Sidewinder hit its target.';
    expect(names(text)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Sidewinder/)]));
  });
  it('keeps the name where a strong group cue names it elsewhere in the text', () => {
    const text = 'Lazarus, the BBC drama, is not about hackers. The threat actor Lazarus stole millions from banks.';
    expect(names(text)).toContain('threat-actor Lazarus');
  });
});
