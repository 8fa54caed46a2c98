import { describe, expect, it } from 'vitest';
import { buildSoftwareDictionary, softwareKind } from '@/lib/entities/software-dictionary';
import { software } from './shared-data';

describe('the software dictionary', () => {
  const dictionary = buildSoftwareDictionary([
    { name: 'LockFoo', aliases: ['FooCrypt'], kind: 'ransomware', mitre_id: 'S9999' },
    { name: 'Hammer', aliases: [], kind: 'tool', weak: ['Hammer'] },
    { name: 'lynxish', aliases: [], kind: 'ransomware', weak: ['lynxish'] },
    { name: '"quoted ransomware"', aliases: ['Ransomware'], kind: 'ransomware' },
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
    expect(ryuk.forms.map((f) => f.form)).toEqual(['Ryukish', 'Lone Loader']);
  });
  it('drops a form that is only a protocol or a network technology, keeping longer forms', () => {
    const protocols = buildSoftwareDictionary([
      { name: 'ftp', aliases: ['ftp.exe'], kind: 'tool' },
      { name: 'Tor', aliases: ['SSH', 'Tor Browser'], kind: 'tool' },
    ]);
    expect(protocols.forms.map((f) => f.form)).toEqual(['ftp.exe', 'Tor Browser']);
    expect(protocols.lookupAnyCase('FTP')).toEqual([]);
  });
  it('looks names up in any case, every candidate kept', () => {
    expect(dictionary.lookupAnyCase('foocrypt')).toEqual([0]);
    const shipped = buildSoftwareDictionary(software());
    expect(shipped.lookupAnyCase('Ursnif').length).toBeGreaterThan(1);
  });
});
