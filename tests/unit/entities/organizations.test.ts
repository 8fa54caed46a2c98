import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { createOrganizationFinder } from '@/lib/entities/organizations';
import { fixtureDocument } from '../../support/load-html';
import { organizations, places } from './shared-data';

const find = createOrganizationFinder(organizations(), places());

/** [canonical, [start, end, text] of each mention]. */
const orgsIn = (text: string) => find(text).map((e) => [e.canonical, e.mentions.map((m) => [m.start, m.end, m.text])]);
const namesIn = (text: string) => find(text).map((e) => e.canonical);

describe('listed organisations', () => {
  it('resolves every listed name of one organisation to one entity', () => {
    expect(orgsIn('The FBI, formally the Federal Bureau of Investigation, and CISA.')).toEqual([
      [
        'Federal Bureau of Investigation',
        [
          [4, 7, 'FBI'],
          [22, 53, 'Federal Bureau of Investigation'],
        ],
      ],
      ['Cybersecurity and Infrastructure Security Agency', [[59, 63, 'CISA']]],
    ]);
  });
  it('carries the listed aliases and kind', () => {
    const [unit42] = find('Unit 42 reported it.');
    expect(unit42).toMatchObject({ kind: 'organization', name: 'Unit 42', canonical: 'Unit 42' });
    expect(unit42.aliases).toContain('Palo Alto Networks Unit 42');
  });
  it('matches a name that cannot be an English word in any case', () => {
    expect(orgsIn('crowdstrike and intel 471')).toEqual([
      ['CrowdStrike', [[0, 11, 'crowdstrike']]],
      ['Intel 471', [[16, 25, 'intel 471']]],
    ]);
  });
  it('matches a name that is also a word only in its own case', () => {
    expect(namesIn('an apple a day, an oracle')).toEqual([]);
    expect(namesIn('Apple and Oracle')).toEqual(['Apple', 'Oracle']);
  });
  it('counts a vendor named in its product’s name', () => {
    expect(orgsIn('a Microsoft Word document')).toEqual([['Microsoft', [[2, 11, 'Microsoft']]]]);
  });
  it('prefers the longest listed name', () => {
    expect(namesIn('Microsoft Threat Intelligence said')).toEqual(['Microsoft Threat Intelligence']);
  });
  it('does not take a framework named after its maker', () => {
    expect(namesIn('the MITRE ATT&CK matrix')).toEqual([]);
  });
  it('ignores names in links, file and registry paths, and version strings', () => {
    expect(namesIn('HKLM\\Software\\Microsoft\\Windows, %APPDATA%\\Google\\x, Mozilla/5.0, https://x.com/Proofpoint')).toEqual([]);
  });
  it('ignores capitals-only short names in capitals-only text', () => {
    expect(namesIn('READ MORE FROM THE FBI NEWSROOM')).toEqual([]);
  });
});

describe('state bodies through the place list', () => {
  it('makes a country’s government one entity however it is written', () => {
    expect(orgsIn('The Chinese government, the government of China and China’s government')).toEqual([
      [
        'Government of China',
        [
          [4, 22, 'Chinese government'],
          [28, 47, 'government of China'],
          [52, 70, 'China’s government'],
        ],
      ],
    ]);
  });
  it('names armed forces the same way', () => {
    expect(orgsIn('the US military')).toEqual([['Armed forces of United States', [[4, 15, 'US military']]]]);
  });
});

describe('public bodies by pattern', () => {
  it('finds "Ministry of …" and friends, with a leading qualifier and a trailing "of <country>"', () => {
    expect(orgsIn('the US Department of Commerce and the Ministry of Foreign Affairs of Saudi Arabia')).toEqual([
      ['US Department of Commerce', [[4, 29, 'US Department of Commerce']]],
      ['Ministry of Foreign Affairs of Saudi Arabia', [[38, 81, 'Ministry of Foreign Affairs of Saudi Arabia']]],
    ]);
  });
  it('does not join two bodies with "and", nor take a following acronym', () => {
    expect(namesIn('the Department of Health and Bureau of Customs CPRS')).toEqual(['Department of Health', 'Bureau of Customs']);
  });
  it('finds capitalised names ending in a public body’s head noun', () => {
    expect(orgsIn('spoofing the Philippine Overseas Employment Administration')).toEqual([
      ['Philippine Overseas Employment Administration', [[13, 58, 'Philippine Overseas Employment Administration']]],
    ]);
  });
  it('does not take "Microsoft Office" for a public office', () => {
    expect(namesIn('in Microsoft Office')).toEqual(['Microsoft']);
  });
});

describe('companies by legal suffix', () => {
  it('takes the capitalised words before Inc., Corp, GmbH, Co., Ltd and the like', () => {
    expect(orgsIn('Gravity Co., Ltd. and Fink Telecom Services GmbH sued Acme Widgets Inc.')).toEqual([
      ['Gravity Co., Ltd.', [[0, 17, 'Gravity Co., Ltd.']]],
      ['Fink Telecom Services GmbH', [[22, 48, 'Fink Telecom Services GmbH']]],
      ['Acme Widgets Inc.', [[54, 71, 'Acme Widgets Inc.']]],
    ]);
  });
  it('does not reach back over the end of a sentence for a company’s name, but keeps initials', () => {
    expect(namesIn('The group used SocGholish. Evil Corp is sanctioned.')).toEqual(['Evil Corp']);
    expect(namesIn('It hit J.P. Morgan Chase Inc. and U.S. Steel Corp last year.')).toEqual(['J.P. Morgan Chase Inc.', 'U.S. Steel Corp']);
  });
  it('leaves out a leading article and lower-case words', () => {
    expect(namesIn('The Example Holdings Ltd owns a small Acme Ltd')).toEqual(['Example Holdings Ltd', 'Acme Ltd']);
  });
});

describe('the Storm-1152 article', () => {
  const text = extractArticle(fixtureDocument('storm-1152.html')).textContent;
  const entities = find(text);

  it('finds Microsoft and Arkose Labs, and nothing else', () => {
    expect(entities.map((e) => e.canonical)).toEqual(['Microsoft', 'Arkose Labs']);
  });
  it('finds Microsoft 17 times, at the right offsets', () => {
    const microsoft = entities.find((e) => e.canonical === 'Microsoft')!;
    expect(microsoft.mentions).toHaveLength(17);
    for (const m of microsoft.mentions) expect(text.slice(m.start, m.end)).toBe('Microsoft');
  });
});
