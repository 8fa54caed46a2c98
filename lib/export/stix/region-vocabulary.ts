/**
 * STIX 2.1's `region-ov` open vocabulary (section 10, Vocabularies): the UN M49 continents and sub-regions, as STIX
 * spells them. A location's `region` comes from this list only, so every consumer reads it the same way.
 */
export const STIX_REGIONS = [
  'africa',
  'eastern-africa',
  'middle-africa',
  'northern-africa',
  'southern-africa',
  'western-africa',
  'americas',
  'latin-america-caribbean',
  'south-america',
  'caribbean',
  'central-america',
  'northern-america',
  'asia',
  'central-asia',
  'eastern-asia',
  'southern-asia',
  'south-eastern-asia',
  'western-asia',
  'europe',
  'eastern-europe',
  'northern-europe',
  'southern-europe',
  'western-europe',
  'oceania',
  'antarctica',
  'australia-new-zealand',
  'melanesia',
  'micronesia',
  'polynesia',
] as const;

export type StixRegion = (typeof STIX_REGIONS)[number];

export function isStixRegion(value: unknown): value is StixRegion {
  return typeof value === 'string' && (STIX_REGIONS as readonly string[]).includes(value);
}

/** An ISO 3166-1 alpha-2 code as Gloss writes it: two upper-case letters. */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{2}$/.test(value);
}
