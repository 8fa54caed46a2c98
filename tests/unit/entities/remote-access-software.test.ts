import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainEntity } from '@/lib/entities/explain-entity';
import { REMOTE_ACCESS_SOURCE, withRemoteAccessSoftware, type RemoteAccessProduct } from '@/lib/entities/remote-access-software';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { softwareKind } from '@/lib/entities/software-dictionary';
import { SHARED_DATA, software } from './shared-data';

const products: RemoteAccessProduct[] = [
  { name: 'DeskLink', aliases: ['DeskLink Agent'], refs: ['https://desklink.example/'] },
  { name: 'HelpBridge', aliases: [], refs: ['https://helpbridge.example/'] },
];

describe('remote-support products are tools', () => {
  const records = withRemoteAccessSoftware(
    [
      {
        name: 'DeskLink',
        aliases: ['DLink'],
        kind: 'malware',
        galaxies: ['rat'],
        source: 'misp-galaxy',
        refs: ['https://desklink.example/'],
      },
      { name: 'Remcos', aliases: [], kind: 'tool', galaxies: ['rat'], source: 'mitre-attack' },
    ],
    products,
  );

  it('turns a record a trojan list files under a product name into a tool, keeping its sources and references', () => {
    const desk = records.find((r) => r.name === 'DeskLink')!;
    expect(softwareKind(desk)).toBe('tool');
    expect(desk).toMatchObject({
      kind: 'tool',
      galaxies: [],
      aliases: ['DLink', 'DeskLink Agent'],
      sources: ['misp-galaxy', REMOTE_ACCESS_SOURCE],
      refs: ['https://desklink.example/'],
    });
  });

  it('leaves real trojans alone and adds the products no record has, as tools of the list', () => {
    expect(softwareKind(records.find((r) => r.name === 'Remcos')!)).toBe('malware');
    expect(records.find((r) => r.name === 'HelpBridge')).toEqual({
      name: 'HelpBridge',
      aliases: [],
      kind: 'tool',
      source: REMOTE_ACCESS_SOURCE,
      refs: ['https://helpbridge.example/'],
    });
    expect(records).toHaveLength(3);
  });

  it('says why in the details', () => {
    const why = explainEntity(
      { kind: 'tool', name: 'HelpBridge', canonical: 'HelpBridge', foundBy: { rules: { listed: true } } },
      records[2],
    );
    expect(why[0]).toBe('A listed name (Gloss’s list of remote-access software)');
    expect(why[1]).toMatch(/^Remote-support software sold for IT work.*T1219.*a tool, not malware/);
  });
});

describe('the shipped list', () => {
  const shipped: RemoteAccessProduct[] = JSON.parse(readFileSync(path.join(SHARED_DATA, 'remote-access-software.json'), 'utf8'));

  it('makes every product a tool, and no MISP trojan that is not a product', () => {
    const merged = withRemoteAccessSoftware(software(), shipped);
    const kinds = new Map(merged.map((r) => [r.name, softwareKind(r)]));
    for (const product of shipped) expect([product.name, kinds.get(product.name)]).toEqual([product.name, 'tool']);
    for (const trojan of ['Remcos', 'DarkComet', 'njRAT', 'Orcus', 'DroidJack', 'PlugX']) expect(kinds.get(trojan)).toBe('malware');
  });

  it('gives each product a vendor site or no link at all, never a link that is not the web', () => {
    for (const product of shipped) for (const ref of product.refs) expect(ref).toMatch(/^https?:\/\/[^/]+\//);
  });

  it('finds them as tools in an advisory', () => {
    const text =
      'After gaining access, the affiliates installed AnyDesk and ConnectWise ScreenConnect, deployed Atera Agent and ' +
      'Splashtop Streamer to keep a foothold, and in other intrusions used TeamViewer, RustDesk and SimpleHelp.';
    const found = createEntityScanner(loadEntityData()).findEntities(text);
    const shown = found.filter((e) => e.kind === 'tool' || e.kind === 'malware').map((e) => `${e.kind} ${e.canonical}`);
    expect(shown).toEqual([
      'tool AnyDesk',
      'tool ConnectWise',
      'tool Atera',
      'tool Splashtop',
      'tool TeamViewer',
      'tool RustDesk',
      'tool SimpleHelp',
    ]);
  });
});
