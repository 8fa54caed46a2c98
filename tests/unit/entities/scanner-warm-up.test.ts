import { describe, expect, it, vi } from 'vitest';
import { createEntityScanner, type EntityScanner } from '@/lib/entities/scan-entities';
import { SCANNER_WARM_UP_TEXT, warmUpScanner } from '@/lib/entities/scanner-warm-up';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { ENTITY_KINDS } from '@/lib/entities/types';

describe('the scanner warm-up brief', () => {
  const found = createEntityScanner(loadEntityData()).findEntities(SCANNER_WARM_UP_TEXT);

  it('gives every kind a finder finds something to find, so that every finder runs its code on it', () => {
    const kinds = new Set(found.map((entity) => entity.kind));
    // No finder finds people: a person is an entity only where the researcher tags one.
    expect(ENTITY_KINDS.filter((kind) => !kinds.has(kind))).toEqual(['person']);
  });

  it('reaches actors by list, vendor scheme and cue, and software by list and cue', () => {
    const names = (kind: string) => found.filter((entity) => entity.kind === kind).map((entity) => entity.canonical);
    expect(names('threat-actor')).toEqual(expect.arrayContaining(['Scattered Spider', 'TA505', 'Velvet Harbor']));
    expect(names('malware')).toEqual(expect.arrayContaining(['GreyFinch', 'Cobalt Strike']));
    expect(names('tool')).toEqual(expect.arrayContaining(['Mimikatz', 'Rclone']));
  });

  it('is what warmUpScanner scans, once', () => {
    const findEntities = vi.fn(() => []);
    warmUpScanner({ findEntities } as unknown as EntityScanner);
    expect(findEntities.mock.calls).toEqual([[SCANNER_WARM_UP_TEXT]]);
  });
});
