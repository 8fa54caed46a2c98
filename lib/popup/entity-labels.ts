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

/** A country's name from its ISO code, in the reader's language; the code itself if unknown. */
export function countryName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
