import { describe, expect, it } from 'vitest';
import { createTechniqueFinder, techniqueLabel } from '@/lib/entities/techniques';
import { attackTechniques } from './shared-data';

const find = createTechniqueFinder(attackTechniques());

/** [attackId, canonical, [start, end, text] of each mention]. */
const techniquesIn = (text: string) => find(text).map((e) => [e.attackId, e.canonical, e.mentions.map((m) => [m.start, m.end, m.text])]);
const idsIn = (text: string) => find(text).map((e) => e.attackId);

describe('ATT&CK ids', () => {
  it('resolves a technique or sub-technique id to its name, "Parent: Sub" for a sub-technique', () => {
    expect(techniquesIn('Used T1566 and T1566.001.')).toEqual([
      ['T1566', 'Phishing', [[5, 10, 'T1566']]],
      ['T1566.001', 'Phishing: Spearphishing Attachment', [[15, 24, 'T1566.001']]],
    ]);
  });
  it("reads a sub-technique id written as ATT&CK's addresses write it, with a slash", () => {
    expect(techniquesIn('This technique ([T1137/006](https://attack.mitre.org/techniques/T1137/006/)) persists.')).toEqual([
      ['T1137.006', 'Office Application Startup: Add-ins', [[17, 26, 'T1137/006']]],
    ]);
    expect(idsIn('T1059/T1086 and T1566/001')).toEqual(['T1059', 'T1086', 'T1566.001']);
  });
  it('takes an id only when it stands alone', () => {
    expect(idsIn('XT1566, T15660, T1566x and T1566-2 are not ids')).toEqual([]);
  });
  it('ignores ids in links and paths', () => {
    expect(idsIn('see https://attack.mitre.org/techniques/T1566/ and /mitre/T1059')).toEqual([]);
  });
  it('makes an id and its name after a colon, dash or table bar one mention', () => {
    expect(techniquesIn('T1105: Ingress Tool Transfer\n| T1090 | Proxy |')).toEqual([
      ['T1105', 'Ingress Tool Transfer', [[0, 28, 'T1105: Ingress Tool Transfer']]],
      ['T1090', 'Proxy', [[31, 44, 'T1090 | Proxy']]],
    ]);
  });
  it('takes a one-word name right before its id in brackets', () => {
    expect(techniquesIn('Proxy (T1090)')).toEqual([
      [
        'T1090',
        'Proxy',
        [
          [0, 5, 'Proxy'],
          [7, 12, 'T1090'],
        ],
      ],
    ]);
  });
  it('reports an id ATT&CK no longer lists only when the text speaks ATT&CK', () => {
    expect(idsIn('Part T1086 ships in May.')).toEqual([]);
    expect(techniquesIn('MITRE ATT&CK: T1086')).toEqual([['T1086', 'T1086', [[14, 19, 'T1086']]]]);
  });
});

describe('technique names in running text', () => {
  it('finds names of two or more words in any case', () => {
    expect(techniquesIn('It relies on process injection.')).toEqual([['T1055', 'Process Injection', [[13, 30, 'process injection']]]]);
  });
  it('finds a sub-technique by its full "Parent: Sub" form', () => {
    expect(techniquesIn('Phishing: Spearphishing Link')).toEqual([
      ['T1566.002', 'Phishing: Spearphishing Link', [[0, 28, 'Phishing: Spearphishing Link']]],
    ]);
  });
  it('finds a sub-technique by its own name when the name is an action', () => {
    expect(techniquesIn('via process hollowing')).toEqual([
      ['T1055.012', 'Process Injection: Process Hollowing', [[4, 21, 'process hollowing']]],
    ]);
  });
  it('leaves sub-technique names that name things to their parent or id', () => {
    expect(idsIn('a local account, Visual Basic, the Control Panel and messaging applications')).toEqual([]);
  });
  it('leaves one-word names that are mostly just the thing', () => {
    expect(idsIn('The malware uses a proxy, PowerShell and DNS.')).toEqual([]);
  });
  it('finds one-word names that mean only the technique', () => {
    expect(techniquesIn('a rootkit with keylogging')).toEqual([
      ['T1014', 'Rootkit', [[2, 9, 'rootkit']]],
      ['T1056.001', 'Input Capture: Keylogging', [[15, 25, 'keylogging']]],
    ]);
  });
  it('matches names that start with a verb only as ATT&CK capitalises them', () => {
    expect(idsIn('it can modify registry keys to compromise accounts')).toEqual([]);
    expect(idsIn('Modify Registry')).toEqual(['T1112']);
  });
  it('leaves names that are everyday phrases', () => {
    expect(idsIn('Click Create Account, then use the web service.')).toEqual([]);
  });
});

describe('common names', () => {
  it('maps DDoS and denial of service to Network Denial of Service, all mentions under one entity', () => {
    expect(techniquesIn('distributed denial-of-service (DDoS) attacks')).toEqual([
      [
        'T1498',
        'Network Denial of Service',
        [
          [0, 29, 'distributed denial-of-service'],
          [31, 35, 'DDoS'],
        ],
      ],
    ]);
  });
  it('maps ransomware to Data Encrypted for Impact', () => {
    expect(techniquesIn('Then ransomware hit them.')).toEqual([['T1486', 'Data Encrypted for Impact', [[5, 15, 'ransomware']]]]);
  });
  it('maps phishing and spear phishing (with the noun they modify) to Phishing, and groups them with its id', () => {
    expect(techniquesIn('spear phishing (T1566) and phishing emails')).toEqual([
      [
        'T1566',
        'Phishing',
        [
          [0, 14, 'spear phishing'],
          [16, 21, 'T1566'],
          [27, 42, 'phishing emails'],
        ],
      ],
    ]);
  });
  it('does not take infrastructure built for phishing as the technique', () => {
    expect(idsIn('a phishing page on a phishing kit')).toEqual([]);
  });
  it('keeps identity theft and fraud out: they are outcomes, not ATT&CK techniques', () => {
    expect(idsIn('identity theft and fraud')).toEqual([]);
  });
});

describe('mentions', () => {
  it('are raw spans of the text with UTF-16 offsets', () => {
    const text = '🔒 ransomware, then T1486, that is data encrypted for impact.';
    const [entity] = find(text);
    expect(entity.mentions.map((m) => m.text)).toEqual(['ransomware', 'T1486', 'data encrypted for impact']);
    for (const m of entity.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(entity).toMatchObject({ kind: 'technique', name: 'ransomware', aliases: [], attackId: 'T1486' });
  });
});

describe('techniques as threat reports write them', () => {
  const mentionsOf = (text: string) => find(text).flatMap((e) => e.mentions.map((m) => m.text));

  it('takes an id in a table row with its cell, and names the technique by its id and ATT&CK name', () => {
    const [row] = find('| T1003 | Credential Dumping |');
    expect(row.mentions.map((m) => m.text)).toEqual(['T1003 | Credential Dumping']);
    expect([row.name, row.canonical]).toEqual(['T1003 OS Credential Dumping', 'OS Credential Dumping']);
    expect(row.foundBy?.rules?.row).toBe(true);
  });

  it('takes a retired id in a row when the text speaks ATT&CK, with the row’s own name for it', () => {
    expect(techniquesIn('MITRE ATT&CK mapping\n| T1086 | PowerShell commands to execute payloads |')).toEqual([
      ['T1086', 'T1086', [[23, 70, 'T1086 | PowerShell commands to execute payloads']]],
    ]);
  });

  it('gives a gerund technique the noun it modifies, and a noun technique its name alone', () => {
    expect(mentionsOf('A spear phishing email, phishing campaigns and a brute-force attack.')).toEqual([
      'spear phishing email',
      'phishing campaigns',
      'brute-force attack',
    ]);
    expect(mentionsOf('Ransomware attacks rose; ransomware attacks rose.')).toEqual(['ransomware']);
    expect(find('New phishing campaigns, then phishing.')[0].name).toBe('phishing');
  });

  it('skips a name inside a hyphenated compound, and "Ransomware" with a capital', () => {
    expect(mentionsOf('a ban on ransomware-related posts; Epsilon Ransomware; Ransomware Roundup')).toEqual([]);
  });

  it('finds an abbreviation the text defines for a technique wherever it is used', () => {
    const [raas] = find('DarkSide runs a Ransomware-as-a-Service (RaaS) program. Its RaaS affiliates encrypt data.');
    expect([raas.attackId, raas.mentions.map((m) => m.text)]).toEqual(['T1486', ['RaaS', 'RaaS']]);
  });

  it('finds both names of a pair written with a slash, but nothing in a path', () => {
    expect(techniquesIn('generally RootKit/Bootkit type threats')).toEqual([
      ['T1014', 'Rootkit', [[10, 17, 'RootKit']]],
      ['T1542.003', 'Pre-OS Boot: Bootkit', [[18, 25, 'Bootkit']]],
    ]);
    expect(idsIn('see /opt/rootkit and attack.mitre.org/Bootkit')).toEqual([]);
  });

  it('takes "RaaS" as Ransomware-as-a-Service where the text never spells it out, but only as written', () => {
    const [raas] = find('Posts in underground marketplaces show RaaS groups undercutting access brokers.');
    expect([raas.attackId, raas.mentions.map((m) => m.text)]).toEqual(['T1486', ['RaaS']]);
    expect(find('The RAAS field and raas.dll are not it.')).toEqual([]);
  });
});

describe('techniqueLabel', () => {
  it('keeps a name as written, and names a row, a link or "id: name" by id and ATT&CK name', () => {
    expect(techniqueLabel('spear phishing', 'T1566', 'Phishing')).toBe('spear phishing');
    expect(techniqueLabel('T1566', 'T1566', 'Phishing')).toBe('T1566');
    expect(techniqueLabel('T1078 | Valid Accounts | The group uses valid accounts', 'T1078', 'Valid Accounts')).toBe(
      'T1078 Valid Accounts',
    );
    expect(techniqueLabel('T1041: Exfiltration Over C2 Channel', 'T1041', 'Exfiltration Over C2 Channel')).toBe(
      'T1041 Exfiltration Over C2 Channel',
    );
  });
  it('names a retired id by the name its row or link gives it', () => {
    expect(techniqueLabel('T1107 | File Deletion | Self delete', 'T1107', 'T1107')).toBe('T1107 File Deletion');
    expect(techniqueLabel('T1009](https://attack.mitre.org/techniques/T1009/) Binary Padding', 'T1009', 'T1009')).toBe(
      'T1009 Binary Padding',
    );
  });
});
