import { describe, expect, it } from 'vitest';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { isTaggableKind, selectionTag } from '@/lib/entities/tag-selection';

const scanner = createEntityScanner(loadEntityData());
const find = (text: string) => scanner.findEntities(text);

describe('selectionTag', () => {
  it('keeps an indicator refanged with its type, whatever form the page wrote it in', () => {
    expect(selectionTag(' hxxps://evil[.]example[.]com/x ', 'indicator', find)).toEqual({
      ok: true,
      tag: { kind: 'indicator', name: 'hxxps://evil[.]example[.]com/x', canonical: 'https://evil.example.com/x', indicatorType: 'url' },
    });
    expect(selectionTag('E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', 'indicator', find)).toMatchObject({
      ok: true,
      tag: { canonical: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', indicatorType: 'sha256' },
    });
    expect(selectionTag('203.0.113[.]7', 'indicator', find)).toMatchObject({
      ok: true,
      tag: { canonical: '203.0.113.7', indicatorType: 'ipv4' },
    });
  });

  it('refuses text that is not exactly one indicator, or not a CVE id, in plain words', () => {
    const prose = selectionTag('contacted evil.com twice', 'indicator', find);
    expect(prose).toEqual({ ok: false, message: expect.stringContaining('isn’t an indicator Gloss can read') });
    expect(selectionTag('Log4Shell', 'vulnerability', find)).toEqual({ ok: false, message: expect.stringContaining('isn’t a CVE id') });
    expect(selectionTag('   ', 'malware', find)).toEqual({ ok: false, message: expect.stringContaining('Select the text') });
    expect(selectionTag('x'.repeat(201), 'tool', find)).toEqual({ ok: false, message: expect.stringContaining('too long') });
  });

  it('resolves a listed name to its canonical name and keeps any other name as written', () => {
    expect(selectionTag('cve-2021-44228', 'vulnerability', find)).toMatchObject({ ok: true, tag: { canonical: 'CVE-2021-44228' } });
    expect(selectionTag('cobalt strike', 'tool', find)).toEqual({
      ok: true,
      tag: { kind: 'tool', name: 'cobalt strike', canonical: 'Cobalt Strike' },
    });
    expect(selectionTag('T1566', 'technique', find)).toMatchObject({ ok: true, tag: { name: 'T1566', canonical: 'Phishing' } });
    expect(selectionTag('Gold  Loader', 'malware', find)).toEqual({
      ok: true,
      tag: { kind: 'malware', name: 'Gold Loader', canonical: 'Gold Loader' },
    });
    expect(selectionTag('Acme Widgets', 'organization', find)).toMatchObject({ ok: true, tag: { canonical: 'Acme Widgets' } });
  });

  it('knows which kinds can be tagged this way', () => {
    expect(['malware', 'tool', 'vulnerability', 'technique', 'indicator', 'organization', 'place'].every(isTaggableKind)).toBe(true);
    expect(isTaggableKind('threat-actor')).toBe(false);
    expect(isTaggableKind('constructor')).toBe(false);
  });
});
