import { describe, expect, it } from 'vitest';
import { answeredLookup, attackIdLookup, attackIdQueries } from '@/lib/export/attack-ids';
import type { EntityData } from '@/lib/entities/scan-entities';
import type { PageExport } from '@/lib/export/page-export';
import type { EntityTagRecord } from '@/lib/storage/records';

const data = {
  software: [
    { name: 'Mimikatz', aliases: ['mimikatz.exe'], mitre_id: 'S0002' },
    { name: 'NoId', aliases: [] },
  ],
  techniques: { techniques: [{ id: 'T1566', name: 'Phishing' }], tactics: [] },
};

const tag = (kind: EntityTagRecord['kind'], canonical: string, status: EntityTagRecord['status'] = 'confirmed') =>
  ({ kind, canonical, status }) as EntityTagRecord;

describe('ATT&CK ids for exports', () => {
  it('finds software by any name and techniques by name or id, ignoring case', () => {
    const lookup = attackIdLookup(data);
    expect(lookup('tool', 'MIMIKATZ.EXE')).toBe('S0002');
    expect(lookup('technique', 'phishing')).toBe('T1566');
    expect(lookup('technique', 't1566')).toBe('T1566');
    expect(lookup('malware', 'NoId')).toBeUndefined();
  });

  it('finds a sub-technique by the "Parent: Name" a confirmation keeps, with the shipped data', async () => {
    const { readFileSync } = await import('node:fs');
    const techniques = JSON.parse(readFileSync('data/attack-techniques.json', 'utf8')) as EntityData['techniques'];
    const lookup = attackIdLookup({ software: [], techniques });
    expect(lookup('technique', 'Command and Scripting Interpreter: PowerShell')).toBe('T1059.001');
    expect(lookup('technique', 'Phishing: Spearphishing Attachment')).toBe('T1566.001');
    expect(lookup('technique', 'Valid Accounts: Domain Accounts')).toBe('T1078.002');
    expect(lookup('technique', 'Account Discovery: Domain Account')).toBe('T1087.002');
    // A technique's own name still finds the technique, not a sub-technique of the same name.
    expect(lookup('technique', 'Phishing')).toBe('T1566');
  });

  it('asks once for each confirmed software or technique, never for rejected ones or other kinds', () => {
    const pages = [
      { entityTags: [tag('tool', 'Mimikatz'), tag('technique', 'Phishing'), tag('threat-actor', 'APT29')] },
      { entityTags: [tag('tool', 'mimikatz'), tag('malware', 'Emotet', 'rejected')] },
    ] as PageExport[];
    expect(attackIdQueries(pages)).toEqual([
      { kind: 'tool', canonical: 'mimikatz' },
      { kind: 'technique', canonical: 'Phishing' },
    ]);
  });

  it('answers from ids found elsewhere', () => {
    const queries = [
      { kind: 'tool' as const, canonical: 'Mimikatz' },
      { kind: 'malware' as const, canonical: 'Unknown' },
    ];
    const lookup = answeredLookup(queries, ['S0002', null]);
    expect(lookup('tool', 'mimikatz')).toBe('S0002');
    expect(lookup('malware', 'Unknown')).toBeUndefined();
  });
});
