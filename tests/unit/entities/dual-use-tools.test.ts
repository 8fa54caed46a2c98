import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DUAL_USE_PURPOSE, DUAL_USE_SOURCE, withDualUseTools, type DualUseTool } from '@/lib/entities/dual-use-tools';
import { formKey } from '@/lib/entities/dictionary';
import { explainEntity } from '@/lib/entities/explain-entity';
import { formsOf } from '@/lib/entities/remote-access-software';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { softwareKind } from '@/lib/entities/software-dictionary';
import { SHARED_DATA, software } from './shared-data';

const tools: DualUseTool[] = [
  { name: 'TunnelKit', aliases: ['TunnelKit-ng'], use: 'tunnelling', refs: ['https://tunnelkit.example/'] },
  { name: 'Ledger', aliases: [], use: 'file-transfer', refs: [], weak: ['Ledger'] },
];

describe('dual-use tools are tools', () => {
  const records = withDualUseTools([{ name: 'TunnelKit-ng', aliases: [], kind: 'malware', source: 'misp-galaxy' }], tools);

  it('turns a record that goes by a tool’s name into that tool, with its use, and adds the tools no record has', () => {
    expect(records[0]).toMatchObject({
      kind: 'tool',
      sources: ['misp-galaxy', DUAL_USE_SOURCE],
      use: 'tunnelling',
      aliases: ['TunnelKit'],
    });
    expect(records[1]).toEqual({
      name: 'Ledger',
      aliases: [],
      kind: 'tool',
      source: DUAL_USE_SOURCE,
      refs: [],
      weak: ['Ledger'],
      use: 'file-transfer',
    });
  });

  it('says why in the details: legitimate software intruders also run, and what for', () => {
    const why = explainEntity(
      { kind: 'tool', name: 'TunnelKit', canonical: 'TunnelKit-ng', foundBy: { rules: { listed: true } } },
      records[0],
    );
    expect(why).toContain(`Legitimate software that intruders also run, ${DUAL_USE_PURPOSE.tunnelling}: a tool, not malware`);
  });
});

describe('the shipped dual-use list', () => {
  const shipped: DualUseTool[] = JSON.parse(readFileSync(path.join(SHARED_DATA, 'dual-use-tools.json'), 'utf8'));

  it('gives every tool a use the details can explain, and a web link or none', () => {
    for (const tool of shipped) {
      expect([tool.name, DUAL_USE_PURPOSE[tool.use]]).toEqual([tool.name, expect.any(String)]);
      for (const ref of tool.refs) expect(ref).toMatch(/^https?:\/\/[^/]+\//);
    }
  });

  it('makes every tool a tool, and no trojan malware', () => {
    // A record may go by the tool's other name ("Brute Ratel C4"): every name of a record counts.
    const kinds = new Map(withDualUseTools(software(), shipped).flatMap((r) => formsOf(r).map((form) => [form, softwareKind(r)])));
    for (const tool of shipped) expect([tool.name, kinds.get(formKey(tool.name))]).toEqual([tool.name, 'tool']);
    for (const trojan of ['Remcos', 'PlugX', 'Emotet']) expect(kinds.get(formKey(trojan))).toBe('malware');
  });

  it('finds them as tools in an advisory, an ordinary word only where the text presents it as a tool', () => {
    const text =
      'The affiliates scanned the network with Advanced IP Scanner and SoftPerfect Network Scanner, archived data ' +
      'with WinRAR and sent it out with WinSCP, and tunnelled RDP through Ligolo-ng. The actors ran the Certify tool to abuse certificates.';
    const found = createEntityScanner(loadEntityData()).findEntities(text);
    expect(found.filter((e) => e.kind === 'tool').map((e) => e.canonical)).toEqual([
      'Advanced IP Scanner',
      'SoftPerfect Network Scanner',
      'WinRAR',
      'WinSCP',
      'Ligolo-ng',
      'Certify',
    ]);
    const plain = createEntityScanner(loadEntityData()).findEntities('Please certify the form. Certify it before Friday.');
    expect(plain.filter((e) => e.kind === 'tool')).toEqual([]);
  });
});
