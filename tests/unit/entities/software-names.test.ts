import { describe, expect, it } from 'vitest';
import { findCuedSoftware } from '@/lib/entities/software-cues';
import { looksLikeSoftwareName } from '@/lib/entities/software-names';

/** Proposed names as `start-end text`, in text order. */
const cued = (text: string) => findCuedSoftware(text).map((c) => `${c.start}-${c.end} ${c.text}`);

describe('what looks like a malware name', () => {
  it('rejects platforms, languages, file types and words that describe software', () => {
    expect(cued('An Android trojan, a Python backdoor, a PE loader, a Banking trojan, a RAT malware.')).toEqual([]);
    // A table's header: "| CTU name | Other names | Associated malware |".
    expect(cued('CTU name Other names Associated malware GOLD HARROW; Related malware')).toEqual([]);
    expect(cued('an eCrime loader and a Crimeware kit')).toEqual([]);
  });
  it('rejects protocols and network technologies', () => {
    expect(cued('an FTP backdoor, a Tor loader and an SSH trojan')).toEqual([]);
  });
  it('rejects adjectives and participles', () => {
    expect(cued('a Python-based backdoor, IRS-themed malware. Deobfuscated loader; Delivering malware')).toEqual([]);
    expect(cued('Second-stage backdoor. The Pay-per-install loader, a Third-party tool')).toEqual([]);
    expect(cued('| DDoS-for-hire botnet | Ransomware-as-a-service malware |')).toEqual([]);
    expect(cued('SMS lures led to an APK dropper')).toEqual([]);
    // A table cell opens as a sentence does.
    expect(cued('| T1113 | Screen Capture | Mentioned RAT functionality |')).toEqual([]);
  });
  it('takes a plain word ending as a participle would for a name where the checks on plain words pass', () => {
    expect(cued('We found a new loader, dubbed Waxwing, in May. Waxwing then loads a beacon.')).toEqual(['30-37 Waxwing']);
    expect(cued('A loader dubbed Delivering was delivering files.')).toEqual([]);
  });
  it('keeps a plain word a naming verb gives as a name, though the text also uses the word: "a backdoor we named Mortise"', () => {
    const text = 'A backdoor we named Mortise, after the mortise and tenon joint. Mortise loads plugins.';
    expect(cued(text)).toEqual(['20-27 Mortise']);
    // Without the verb the ordinary word rules: "Orbit malware. The orbit of it."
    expect(looksLikeSoftwareName('Orbit malware. The orbit of it.', 'Orbit')).toBe(false);
  });
  it('takes a plain word for a name where the text writes it capitalised mid-sentence far more often than in lower case', () => {
    const uses = (n: number) => Array.from({ length: n }, () => 'We saw the Ironclad locker.').join(' ');
    const text = (n: number) => `The Ironclad ransomware is new. ${uses(n)} It gives an ironclad guarantee.`;
    // Four capitalised uses mid-sentence, three times the lower-case ones, at least.
    expect(looksLikeSoftwareName(text(3), 'Ironclad')).toBe(true);
    expect(looksLikeSoftwareName(text(2), 'Ironclad')).toBe(false);
    expect(looksLikeSoftwareName(`${text(4)} The ironclad rule.`, 'Ironclad')).toBe(false);
    expect(looksLikeSoftwareName(`${text(9)} The ironclad rule.`, 'Ironclad')).toBe(true);
    // Three times as often is enough (six capitalised, two in lower case): a name the text also quotes twice in another
    // language's sentence.
    expect(looksLikeSoftwareName(`${text(5)} The ironclad rule.`, 'Ironclad')).toBe(true);
  });
  it('rejects a plain word the text also writes in lower case, but not in a URL or file name', () => {
    expect(looksLikeSoftwareName('Orbit malware. The orbit of it.', 'Orbit')).toBe(false);
    expect(looksLikeSoftwareName('See example.com/zorbo-malware and zorbo.exe. We saw Zorbo.', 'Zorbo')).toBe(true);
  });
  it('judges spellings that differ only in case each on their own', () => {
    expect(cued('The MineFoo RAT and the Minefoo RAT.')).toEqual(['4-15 MineFoo RAT', '24-35 Minefoo RAT']);
  });
  it('rejects a plain word that only ever opens a sentence', () => {
    expect(cued('Widespread malware hit. Yet more.')).toEqual([]);
    expect(cued('Zorbo malware hit. We saw Zorbo again.')).toEqual(['0-5 Zorbo']);
  });
  it('rejects a programming language the text names as one', () => {
    expect(cued('The KixFoo loader is scripted in KixFoo.')).toEqual([]);
  });
});
