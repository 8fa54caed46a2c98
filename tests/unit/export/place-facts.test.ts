import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlaceRecord } from '@/lib/entities/places';
import type { PageExport } from '@/lib/export/page-export';
import { answeredPlaces, placeLookup, placeQueries } from '@/lib/export/place-facts';
import { STIX_REGIONS } from '@/lib/export/stix/region-vocabulary';
import type { EntityTagRecord } from '@/lib/storage/records';

const PLACES: PlaceRecord[] = JSON.parse(readFileSync('data/places.json', 'utf8'));
/** Debian's list of ISO 3166-1 codes, where the machine has it (a fresh CI machine may not). */
const ISO_CODES = '/usr/share/iso-codes/json/iso_3166-1.json';

/** Places that lie in no one country and straddle STIX's regions: no STIX location can say where they are. */
const UNLOCATABLE = [
  'Soviet Union',
  'Asia-Pacific',
  'Middle East',
  'Caucasus',
  'Mediterranean',
  'Eastern Mediterranean',
  'Black Sea',
  'Indo-Pacific',
  'Arctic',
];

describe('where the shipped places are (data/places.json)', () => {
  const ofType = (...types: string[]) => PLACES.filter((p) => types.includes(p.type));

  it('gives every country a well-formed ISO 3166-1 alpha-2 code of its own, but Kosovo (it has none: XK is user-assigned)', () => {
    const countries = ofType('country');
    expect(countries.length).toBeGreaterThan(190);
    const withoutCode = countries.filter((c) => c.country === undefined).map((c) => c.name);
    expect(withoutCode).toEqual(['Kosovo']);
    const codes = countries.flatMap((c) => (c.country === undefined ? [] : [c.country]));
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
    // Where Debian's iso-codes is installed, every code is one ISO assigned.
    if (existsSync(ISO_CODES)) {
      const assigned = new Set((JSON.parse(readFileSync(ISO_CODES, 'utf8'))['3166-1'] as { alpha_2: string }[]).map((c) => c.alpha_2));
      expect(PLACES.filter((p) => p.country !== undefined && !assigned.has(p.country)).map((p) => p.name)).toEqual([]);
    }
  });

  it('gives every city and state the code of its country, but Jerusalem (claimed by two), which has its region', () => {
    const cities = ofType('city', 'state');
    expect(cities.filter((c) => c.country === undefined).map((c) => [c.name, c.region])).toEqual([['Jerusalem', 'western-asia']]);
    for (const city of cities) if (city.country !== undefined) expect(city.country).toMatch(/^[A-Z]{2}$/);
  });

  it('writes only codes and STIX region-ov values, and locates every place but the ones that straddle regions', () => {
    for (const place of PLACES) {
      if (place.country !== undefined) expect(place.country, place.name).toMatch(/^[A-Z]{2}$/);
      if (place.region !== undefined) expect(STIX_REGIONS, place.name).toContain(place.region);
    }
    expect(PLACES.filter((p) => p.country === undefined && p.region === undefined).map((p) => p.name)).toEqual(UNLOCATABLE);
  });

  it('puts regions in the smallest STIX region holding all of them', () => {
    const regionOf = (name: string) => PLACES.find((p) => p.name === name)?.region;
    expect(regionOf('Southeast Asia')).toBe('south-eastern-asia');
    expect(regionOf('Levant')).toBe('western-asia');
    // M49's Western Europe leaves out the United Kingdom, Ireland, Spain and Italy, which the word takes in.
    expect(regionOf('Western Europe')).toBe('europe');
    expect(regionOf('Latin America')).toBe('latin-america-caribbean');
    expect(regionOf('Middle East')).toBeUndefined();
  });
});

describe('looking places up for an export', () => {
  const lookup = placeLookup(PLACES);

  it('finds a place by its name or another name, in any case, with what STIX can carry', () => {
    expect(lookup('Iran')).toEqual({ country: 'IR' });
    expect(lookup('russian federation')).toEqual({ country: 'RU' });
    expect(lookup('Kiev')).toEqual({ country: 'UA', level: 'city' });
    expect(lookup('Bavaria')).toEqual({ country: 'DE', level: 'state' });
    expect(lookup('Horn of Africa')).toEqual({ region: 'eastern-africa' });
    expect(lookup('Middle East')).toBeUndefined();
    expect(lookup('Natanz')).toBeUndefined();
  });

  it('lets a record’s own name win over another record’s alias', () => {
    const aliased = placeLookup([
      { name: 'Washington, D.C.', type: 'city', country: 'US', aliases: ['Washington'] },
      { name: 'Washington', type: 'state', country: 'US' },
    ]);
    expect(aliased('Washington')).toEqual({ country: 'US', level: 'state' });
  });

  const tag = (kind: EntityTagRecord['kind'], canonical: string, status: EntityTagRecord['status'] = 'confirmed') =>
    ({ kind, canonical, status }) as EntityTagRecord;
  const pages = [
    { entityTags: [tag('place', 'Iran'), tag('place', 'Levant', 'rejected'), tag('organization', 'Iran')] },
    { entityTags: [tag('place', 'IRAN'), tag('place', 'Tehran')] },
  ] as PageExport[];

  it('asks for each confirmed place once', () => {
    expect(placeQueries(pages)).toEqual(['Iran', 'Tehran']);
  });

  it('takes answers from the background only as far as they are well formed', () => {
    const answered = answeredPlaces(
      ['Iran', 'Tehran', 'Middle East', 'Atlantis'],
      [{ country: 'IR' }, { country: 'IR', level: 'city' }, { region: 'middle-east' as never }, { country: 'atl' }],
    );
    expect(answered('iran')).toEqual({ country: 'IR' });
    expect(answered('Tehran')).toEqual({ country: 'IR', level: 'city' });
    expect(answered('Middle East')).toBeUndefined();
    expect(answered('Atlantis')).toBeUndefined();
  });
});
