import { describe, expect, it } from 'vitest';
import { findVulnerabilities } from '@/lib/entities/vulnerabilities';

const ids = (text: string) => findVulnerabilities(text).map((e) => e.canonical);

describe('findVulnerabilities', () => {
  it('reports each CVE id as one vulnerability entity, canonical as name, with its mentions in text order', () => {
    const text = 'CVE-2023-4966 (Citrix Bleed), then CVE-2024-3400; CVE-2023-4966 again.';
    expect(findVulnerabilities(text)).toEqual([
      {
        kind: 'vulnerability',
        name: 'CVE-2023-4966',
        canonical: 'CVE-2023-4966',
        aliases: [],
        mentions: [
          { start: 0, end: 13, text: 'CVE-2023-4966' },
          { start: 50, end: 63, text: 'CVE-2023-4966' },
        ],
      },
      {
        kind: 'vulnerability',
        name: 'CVE-2024-3400',
        canonical: 'CVE-2024-3400',
        aliases: [],
        mentions: [{ start: 35, end: 48, text: 'CVE-2024-3400' }],
      },
    ]);
  });
  it('accepts sequence numbers of four or more digits', () => {
    expect(ids('CVE-2021-44228 and CVE-2024-123456')).toEqual(['CVE-2021-44228', 'CVE-2024-123456']);
  });
  it('rejects sequence numbers under four digits and years that are not four digits', () => {
    expect(ids('CVE-2023-123 CVE-23-4966 CVE-20231-4966')).toEqual([]);
  });
  it('accepts lower and mixed case, canonical upper case', () => {
    expect(ids('cve-2023-4966 and Cve-2024-3400')).toEqual(['CVE-2023-4966', 'CVE-2024-3400']);
  });
  it('accepts typographic dashes, canonical with ASCII hyphens, mentions as written', () => {
    const text = 'CVE‑2023‑4966 (non-breaking), CVE–2024–3400 (en dash), CVE—2021—44228 (em dash), CVE‐2022‐0001, CVE−2022−0002';
    expect(ids(text)).toEqual(['CVE-2023-4966', 'CVE-2024-3400', 'CVE-2021-44228', 'CVE-2022-0001', 'CVE-2022-0002']);
    expect(findVulnerabilities(text)[0].mentions[0]).toEqual({ start: 0, end: 13, text: 'CVE‑2023‑4966' });
  });
  it('accepts a space or no-break space between CVE and the year', () => {
    expect(ids('CVE 2021-44228 and CVE\u00a02023-4966')).toEqual(['CVE-2021-44228', 'CVE-2023-4966']);
  });
  it('counts different spellings of one id as one entity', () => {
    const [entity, ...rest] = findVulnerabilities('CVE-2023-4966, cve-2023-4966, CVE–2023–4966');
    expect(rest).toEqual([]);
    expect(entity.mentions.map((m) => m.text)).toEqual(['CVE-2023-4966', 'cve-2023-4966', 'CVE–2023–4966']);
  });
  it('does not fire inside longer tokens', () => {
    expect(ids('XCVE-2023-4966 CVE-2023-4966a CVE-2023-49661x _CVE-2023-4966 CVE-2023-4966_1 2CVE-2023-4966')).toEqual([]);
  });
  it('does not fire on a longer dashed or dotted number', () => {
    expect(ids('CVE-2023-4966-2 and CVE-2023-4966.1')).toEqual([]);
  });
  it('fires next to punctuation, brackets, a hyphenated word or a file extension', () => {
    expect(ids('(CVE-2023-0001), "CVE-2023-0002". CVE-2023-0003-vulnerable CVE-2023-0004.json /CVE-2023-0005')).toEqual([
      'CVE-2023-0001',
      'CVE-2023-0002',
      'CVE-2023-0003',
      'CVE-2023-0004',
      'CVE-2023-0005',
    ]);
  });
  it('finds nothing in text without CVE ids', () => {
    expect(findVulnerabilities('A vulnerability in 2023 with ID 4966 and CVEs in general.')).toEqual([]);
  });
});
