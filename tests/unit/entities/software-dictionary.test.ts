import { describe, expect, it } from 'vitest';
import { formKey } from '@/lib/entities/dictionary';
import { buildSoftwareDictionary, softwareKind } from '@/lib/entities/software-dictionary';
import { software } from './shared-data';

describe('the software dictionary', () => {
  const dictionary = buildSoftwareDictionary([
    { name: 'LockFoo', aliases: ['FooCrypt'], kind: 'ransomware', mitre_id: 'S9999' },
    { name: 'Hammer', aliases: [], kind: 'tool', weak: ['Hammer'] },
    { name: 'lynxish', aliases: [], kind: 'ransomware', weak: ['lynxish'] },
    { name: '"quoted ransomware"', aliases: ['Ransomware'], kind: 'ransomware' },
    { name: 'The Magic', aliases: [], kind: 'ransomware' },
  ]);
  const form = (f: string) => dictionary.forms.find((x) => x.form === f);
  it('maps ransomware and malware to malware, tool to tool, and keeps the ATT&CK id', () => {
    expect(dictionary.software[0]).toMatchObject({
      canonical: 'LockFoo',
      kind: 'malware',
      ransomware: true,
      attackId: 'S9999',
      aliases: ['FooCrypt'],
    });
    expect(dictionary.software[1]).toMatchObject({ kind: 'tool', ransomware: false });
  });
  it('counts remote-access trojans and stealers as malware even when a list files them under tools', () => {
    expect(softwareKind({ name: 'Remcos', kind: 'tool', galaxies: ['rat'] })).toBe('malware');
    expect(softwareKind({ name: 'QuasarRAT', kind: 'tool', galaxies: ['tool'] })).toBe('malware');
    expect(softwareKind({ name: 'Acme Stealer', kind: 'tool' })).toBe('malware');
    expect(softwareKind({ name: 'Mimikatz', kind: 'tool', galaxies: ['tool'] })).toBe('tool');
  });
  it('matches a name that starts with "The" with either case of the article and the rest in its own case ("the magic value" is none)', () => {
    expect(form('The Magic')).toMatchObject({ caseSensitive: true });
    expect(form('the Magic')).toMatchObject({ caseSensitive: true });
    expect(dictionary.forms.some((f) => f.form.toLowerCase() === 'the magic' && !f.caseSensitive)).toBe(false);
  });
  it('matches weak forms in their own case, lower-case-only weak forms in any case', () => {
    expect(form('Hammer')).toMatchObject({ caseSensitive: true, weak: true });
    expect(form('lynxish')).toMatchObject({ caseSensitive: false, weak: true });
    expect(form('LockFoo')).toMatchObject({ caseSensitive: false, weak: false });
  });
  it('drops quotes and generic words from listed names', () => {
    expect(form('quoted ransomware')).toBeDefined();
    expect(form('Ransomware')).toBeUndefined();
  });
  it('drops a listed "name + software noun" form when the name alone is listed too: the noun stays outside', () => {
    const ryuk = buildSoftwareDictionary([{ name: 'Ryukish', aliases: ['Ryukish ransomware', 'Lone Loader'], kind: 'ransomware' }]);
    expect(ryuk.forms.map((f) => f.form)).toEqual(['Ryukish', 'Lone Loader', 'LoneLoader']);
  });
  it('drops a form that is only a protocol or a network technology, keeping longer forms', () => {
    const protocols = buildSoftwareDictionary([
      { name: 'ftp', aliases: ['ftp.exe'], kind: 'tool' },
      { name: 'Tor', aliases: ['SSH', 'Tor Browser'], kind: 'tool' },
    ]);
    expect(protocols.forms.map((f) => f.form)).toEqual(['ftp.exe', 'Tor Browser', 'TorBrowser']);
    expect(protocols.lookupAnyCase('FTP')).toEqual([]);
  });
  it('adds a name of two or three plain words joined in camel case, exact case, needing no context', () => {
    const joined = buildSoftwareDictionary([
      { name: 'quiet fox', aliases: [], kind: 'ransomware', weak: ['quiet fox'] },
      { name: 'Lone Loader', aliases: ['LoneLoader v2'], kind: 'malware' },
      { name: 'Pink Cat', aliases: [], kind: 'malware' },
      { name: 'PinkCat', aliases: [], kind: 'ransomware' },
    ]);
    const of = (f: string) => joined.forms.find((x) => x.form === f);
    expect(of('QuietFox')).toMatchObject({ caseSensitive: true, weak: false, softwareIds: [0] });
    expect(of('LoneLoader')).toMatchObject({ caseSensitive: true, weak: false, softwareIds: [1] });
    // A joined spelling another record lists keeps that record alone.
    expect(joined.forms.filter((x) => formKey(x.form) === 'pinkcat')).toEqual([
      { form: 'PinkCat', caseSensitive: false, weak: false, softwareIds: [3] },
    ]);
  });
  it('looks names up in any case, every candidate kept', () => {
    expect(dictionary.lookupAnyCase('foocrypt')).toEqual([0]);
    const shipped = buildSoftwareDictionary(software());
    expect(shipped.lookupAnyCase('Ursnif').length).toBeGreaterThan(1);
  });
});
