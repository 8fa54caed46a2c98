import { describe, expect, it } from 'vitest';
import { isStixPattern, stixViolations } from './stix-rules';

// Written by hand (ids from Python's uuid.uuid5), so the checker is tested apart from the exporter.
const REPORT = 'report--5f1b6c45-7b14-55ad-9489-3deee3596486';
const SET = 'intrusion-set--5dfbbc05-eeec-5d5c-be8c-bd25f4f7d93e';
const common = { spec_version: '2.1', created: '2023-12-15T08:00:00.000Z', modified: '2023-12-15T08:20:00.000Z' };

function validBundle() {
  return {
    type: 'bundle',
    id: 'bundle--7fde6c37-9161-5f1e-ad79-0974fa0eee0c',
    objects: [
      {
        type: 'report',
        id: REPORT,
        ...common,
        name: 'A report',
        report_types: ['threat-report'],
        published: '2023-12-14T09:00:00Z',
        object_refs: [SET],
      } as Record<string, unknown>,
      { type: 'intrusion-set', id: SET, ...common, name: 'Storm-1152' } as Record<string, unknown>,
    ],
  };
}

describe('the STIX 2.1 rules checker', () => {
  it('accepts a valid bundle', () => {
    expect(stixViolations(validBundle())).toEqual([]);
  });

  it.each<[string, (b: ReturnType<typeof validBundle>) => void, string]>([
    ['a bundle with spec_version', (b) => Object.assign(b, { spec_version: '2.1' }), 'no spec_version'],
    ['a bundle without objects', (b) => Object.assign(b, { objects: [] }), 'objects must be'],
    ['an id that is not version 5', (b) => (b.objects[1].id = 'intrusion-set--5dfbbc05-eeec-4d5c-be8c-bd25f4f7d93e'), 'UUIDv5'],
    ['an id with the wrong variant', (b) => (b.objects[1].id = 'intrusion-set--5dfbbc05-eeec-5d5c-7e8c-bd25f4f7d93e'), 'UUIDv5'],
    ['an id of another type', (b) => (b.objects[1].id = REPORT.replace('report', 'malware')), 'UUIDv5'],
    ['a missing spec_version', (b) => delete b.objects[1].spec_version, 'spec_version'],
    ['a timestamp without Z', (b) => (b.objects[1].created = '2023-12-15T08:00:00.000+00:00'), 'created must be'],
    ['a timestamp without milliseconds', (b) => (b.objects[1].modified = '2023-12-15T08:20:00Z'), 'modified must be'],
    ['modified before created', (b) => (b.objects[1].modified = '2023-12-15T07:00:00.000Z'), 'modified before created'],
    ['a report without name', (b) => delete b.objects[0].name, '.name must be'],
    ['a report with no refs', (b) => (b.objects[0].object_refs = []), 'object_refs must be'],
    ['a ref to nothing', (b) => (b.objects[0].object_refs = [SET.replace('5dfbbc05', '5dfbbc06')]), 'refers to missing'],
    ['a duplicate id', (b) => b.objects.push({ ...b.objects[1] }), 'duplicate id'],
    ['an empty list', (b) => (b.objects[1].aliases = []), 'empty list'],
    ['an external reference without source', (b) => (b.objects[1].external_references = [{ url: 'https://x.example' }]), 'source_name'],
    ['an unknown type', (b) => (b.objects[1].type = 'threat-actorz'), 'unexpected type'],
  ])('rejects %s', (_, breakIt, message) => {
    const bundle = validBundle();
    breakIt(bundle);
    expect(stixViolations(bundle).join('\n')).toContain(message);
  });

  it('checks the properties each type requires', () => {
    const bundle = validBundle();
    bundle.objects.push(
      { type: 'indicator', id: 'indicator--5988c7d5-8131-59bf-a0c9-10e54af7d07e', ...common, pattern: "[ipv4-addr:value = '1.2.3.4']" },
      { type: 'malware', id: 'malware--5988c7d5-8131-59bf-a0c9-10e54af7d07e', ...common, name: 'X' },
      { type: 'note', id: 'note--1fea06d2-c290-53ed-ba76-676211b41f4c', ...common, object_refs: [REPORT] },
    );
    const problems = stixViolations(bundle).join('\n');
    expect(problems).toContain('pattern_type must be');
    expect(problems).toContain('valid_from must be');
    expect(problems).toContain('is_family must be');
    expect(problems).toContain('content must be');
  });

  it('checks identities and where a location is (sections 4.5 and 4.10)', () => {
    const IDENTITY = 'identity--8495b3cd-42b6-5cd1-bb32-ea933e891255';
    const LOCATION = 'location--f2345a91-1701-51d8-b57e-619b6e21f9ce';
    const withObject = (object: Record<string, unknown>) => {
      const bundle = validBundle();
      bundle.objects.push({ ...common, ...object });
      return stixViolations(bundle).join('\n');
    };
    expect(withObject({ type: 'identity', id: IDENTITY, name: 'Colonial Pipeline', identity_class: 'organization' })).toBe('');
    expect(withObject({ type: 'identity', id: IDENTITY, identity_class: 'organization' })).toContain('.name must be');
    expect(withObject({ type: 'identity', id: IDENTITY, name: 'X', identity_class: 'company' })).toContain('identity-class-ov');
    expect(withObject({ type: 'location', id: LOCATION, name: 'Iran', country: 'IR' })).toBe('');
    expect(withObject({ type: 'location', id: LOCATION, name: 'Levant', region: 'western-asia' })).toBe('');
    expect(withObject({ type: 'location', id: LOCATION, latitude: 35.7, longitude: 51.4, precision: 1000 })).toBe('');
    expect(withObject({ type: 'location', id: LOCATION, name: 'Middle East' })).toContain('needs region, country');
    expect(withObject({ type: 'location', id: LOCATION, region: 'middle-east' })).toContain('not in region-ov');
    expect(withObject({ type: 'location', id: LOCATION, country: 'IRN' })).toContain('alpha-2');
    expect(withObject({ type: 'location', id: LOCATION, country: 'IR', latitude: 35.7 })).toContain('go together');
    expect(withObject({ type: 'location', id: LOCATION, country: 'IR', precision: 10 })).toContain('precision needs');
    expect(withObject({ type: 'location', id: LOCATION, latitude: 95, longitude: 51 })).toContain('out of range');
    expect(withObject({ type: 'location', id: LOCATION, country: 'IR', city: '' })).toContain('.city must be');
  });

  it('knows the patterns Gloss writes and refuses broken ones', () => {
    expect(isStixPattern("[url:value = 'http://a.example/it\\'s']")).toBe(true);
    expect(isStixPattern("[url:value = 'http://a.example/it's']")).toBe(false);
    expect(isStixPattern("[url:value = 'ends in a backslash\\']")).toBe(false);
    expect(isStixPattern("[file:hashes.SHA-256 = 'abc']")).toBe(false);
    expect(isStixPattern(`[file:hashes.'SHA-1' = '${'a'.repeat(40)}']`)).toBe(true);
    expect(isStixPattern("[domain-name:value = 'a.example'] OR [x:y = 'z']")).toBe(false);
  });
});
