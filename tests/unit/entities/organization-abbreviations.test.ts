import { describe, expect, it } from 'vitest';
import { createOrganizationFinder } from '@/lib/entities/organizations';
import { organizations, places } from './shared-data';

const find = createOrganizationFinder(organizations(), places());
const grouped = (text: string) => find(text).map((e) => [e.canonical, e.mentions.map((m) => m.text)]);

describe('abbreviations a text defines for an organisation', () => {
  it('names the organisation wherever the text uses the abbreviation after defining it', () => {
    expect(grouped('The Philippine Overseas Employment Administration (POEA) warned workers. POEA said the jobs were fake.')).toEqual([
      ['Philippine Overseas Employment Administration', ['Philippine Overseas Employment Administration', 'POEA', 'POEA']],
    ]);
  });

  it('lists the abbreviation among the organisation’s other names', () => {
    const [poea] = find('The Philippine Overseas Employment Administration (POEA) warned workers. POEA said so.');
    expect(poea.aliases).toEqual(['POEA']);
    const [doc] = find('New Zealand’s Department of Conservation (DOC) counted. The Department of Conservation said DOC agreed.');
    expect([doc.canonical, doc.aliases]).toEqual(['New Zealand’s Department of Conservation', ['DOC', 'Department of Conservation']]);
  });

  it('spells the body’s last words, a country before it left out, “of” spelled or not', () => {
    expect(grouped('The New Zealand Department of Conservation (DOC) counted whales. DOC rangers agreed.')).toEqual([
      ['New Zealand Department of Conservation', ['New Zealand Department of Conservation', 'DOC', 'DOC']],
    ]);
    expect(grouped('The Thai Ministry of Public Health (MPH) said so. MPH later agreed.')).toEqual([
      ['Thai Ministry of Public Health', ['Thai Ministry of Public Health', 'MPH', 'MPH']],
    ]);
  });

  it('takes no bracket whose letters are not the name’s initials, nor one word in capitals alone, nor uses before it', () => {
    expect(grouped('DOC was mentioned. The Thai Ministry of Public Health (TMX) said so. TMX agreed.')).toEqual([
      ['Thai Ministry of Public Health', ['Thai Ministry of Public Health']],
    ]);
    expect(grouped('The Thai Ministry of Public Health (Mph) said so. Mph agreed.')).toEqual([
      ['Thai Ministry of Public Health', ['Thai Ministry of Public Health']],
    ]);
    expect(grouped('DOC rangers. The New Zealand Department of Conservation (DOC) counted.').map(([, m]) => m)).toEqual([
      ['New Zealand Department of Conservation', 'DOC'],
    ]);
  });
});
