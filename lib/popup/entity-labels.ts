import type { EntityKind } from '../entities/types';

/** Group headings in the popup, in the order groups appear. */
export const KIND_GROUPS: readonly { kind: EntityKind; label: string }[] = [
  { kind: 'threat-actor', label: 'Threat actors' },
  { kind: 'malware', label: 'Malware' },
  { kind: 'tool', label: 'Tools' },
  { kind: 'vulnerability', label: 'Vulnerabilities' },
  { kind: 'technique', label: 'Techniques' },
  { kind: 'indicator', label: 'Indicators' },
  { kind: 'organization', label: 'Organizations' },
  { kind: 'person', label: 'People' },
  { kind: 'place', label: 'Places' },
];

/** A singular noun for the kind, for sentences such as "Not a threat actor". */
export const KIND_NOUNS: Record<EntityKind, string> = {
  'threat-actor': 'threat actor',
  malware: 'malware',
  tool: 'tool',
  vulnerability: 'vulnerability',
  technique: 'technique',
  indicator: 'indicator',
  organization: 'organization',
  person: 'person',
  place: 'place',
};

/**
 * The noun with its article, for sentences such as "Not an indicator" and "Confirmed X as a tool".
 * Malware is a mass noun in use ("Not malware"), so it takes none.
 */
export const KIND_NOUN_PHRASES: Record<EntityKind, string> = {
  'threat-actor': 'a threat actor',
  malware: 'malware',
  tool: 'a tool',
  vulnerability: 'a vulnerability',
  technique: 'a technique',
  indicator: 'an indicator',
  organization: 'an organization',
  person: 'a person',
  place: 'a place',
};

/** What each indicator type is called where people read it: "SHA-256", "IPv4 address". */
export { INDICATOR_TYPE_NAMES as INDICATOR_TYPE_LABELS } from '../export/indicator-list';

/** A country's name from its ISO code, in the reader's language; the code itself if unknown. */
export function countryName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
