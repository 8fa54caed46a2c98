import { describe, expect, it } from 'vitest';
import { articleSpellings, buildActorDictionary, textForms } from '@/lib/entities/dictionary';
import { threatActors } from './shared-data';

const dictionary = buildActorDictionary(threatActors());
const canonicals = (surface: string) => dictionary.lookup(surface).map((id) => dictionary.actors[id].canonical);

describe('the threat-actor dictionary', () => {
  it('resolves an alias to the canonical name, keeping the other names', () => {
    expect(canonicals('Octo Tempest')).toEqual(['Scattered Spider']);
    const actor = dictionary.actors[dictionary.lookup('octo tempest')[0]];
    expect(actor.aliases).toEqual(expect.arrayContaining(['Octo Tempest', 'UNC3944', 'Muddled Libra', 'Storm-0875']));
    expect(actor.aliases).not.toContain('Scattered Spider');
  });
  it('keeps every candidate of an ambiguous alias, name or Microsoft name first', () => {
    const candidates = canonicals('LABYRINTH CHOLLIMA');
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates).toEqual(expect.arrayContaining(['Lazarus Group']));
  });
  it('looks ordinary forms up in any case and weak forms only in their own case', () => {
    expect(canonicals('scattered spider')).toEqual(['Scattered Spider']);
    expect(canonicals('STRONTIUM')).toEqual(['APT28']);
    expect(canonicals('Strontium')).toEqual([]);
    expect(dictionary.forms.find((f) => f.form === 'Cobalt')?.caseSensitive).toBe(true);
  });
  it('matches single words listed in capitals only in capitals, and marks weak forms', () => {
    const electrum = dictionary.forms.find((f) => f.form === 'ELECTRUM');
    expect(electrum).toMatchObject({ caseSensitive: true, weak: false });
    expect(canonicals('Electrum')).toEqual([]);
    expect(dictionary.forms.find((f) => f.form === 'Leviathan')?.weak).toBe(true);
  });
  it('matches a name that starts with "The" with either case of the article and the rest in its own case', () => {
    expect(canonicals('The Mask')).toEqual(canonicals('the Mask'));
    expect(canonicals('The Mask').length).toBeGreaterThan(0);
    expect(canonicals('the mask')).toEqual([]);
    expect(articleSpellings('The Dukes')).toEqual(['The Dukes', 'the Dukes']);
    expect(articleSpellings('the Lamberts')).toEqual(['The Lamberts', 'the Lamberts']);
    expect(articleSpellings('the gentlemen')).toBeUndefined();
    expect(articleSpellings('Theta Spider')).toBeUndefined();
  });
  it('finds a name of two or three plain words joined in camel case, in that case only', () => {
    expect(canonicals('EvilCorp')).toEqual(canonicals('Evil Corp'));
    expect(canonicals('EvilCorp').length).toBeGreaterThan(0);
    expect(canonicals('Evilcorp')).toEqual([]);
  });
  it('looks names up ignoring case for names context already marks', () => {
    expect(dictionary.lookupAnyCase('Barium').map((id) => dictionary.actors[id].canonical)).toContain('APT41');
  });
  it('cleans vendor notes and list debris out of listed names', () => {
    expect(textForms('APT-C-38 (QiAnXin)')).toEqual(['APT-C-38 (QiAnXin)', 'APT-C-38']);
    expect(textForms('NoName057(16)')).toEqual(['NoName057(16)']);
    expect(textForms('Subgroup: Andariel')).toEqual(['Andariel']);
    expect(textForms('APT-Q-27,')).toEqual(['APT-Q-27']);
    expect(textForms('[Unnamed group]')).toEqual([]);
  });
});
