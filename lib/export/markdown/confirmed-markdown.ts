/**
 * The sections of a page's Markdown note for what the researcher confirmed beyond threat actors:
 * malware, tools, CVEs, techniques (with their ATT&CK or CVE links), indicators (defanged, in code
 * spans, so no Markdown reader turns them into links, with their type), then organisations, people and
 * places by name (every confirmed place, even one the STIX export cannot locate). Headings are the
 * popup's group names. Rejected entities never appear.
 */
import { findIndicators } from '../../entities/indicators';
import type { EntityKind } from '../../entities/types';
import type { EntityTagRecord } from '../../storage/records';
import { defangIndicator, INDICATOR_TYPE_NAMES } from '../indicator-list';
import type { AttackIdLookup } from '../stix/entity-objects';
import { attackSoftwareReference, attackTechniqueReference, cveReference } from '../stix/attack-references';
import type { StixExternalReference } from '../stix/stix-types';
import { markdownInline, markdownLinkDestination } from './escape';

const SECTIONS: readonly { kind: EntityKind; title: string }[] = [
  { kind: 'malware', title: 'Malware' },
  { kind: 'tool', title: 'Tools' },
  { kind: 'vulnerability', title: 'Vulnerabilities' },
  { kind: 'technique', title: 'Techniques' },
  { kind: 'indicator', title: 'Indicators' },
  { kind: 'organization', title: 'Organizations' },
  { kind: 'person', title: 'People' },
  { kind: 'place', title: 'Places' },
];

const compare = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

/** A code span holding `text` as it is: fenced by more backticks than any run inside it. */
function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\s+/g, ' ')}${pad}${fence}`;
}

function linked(reference: StixExternalReference | undefined): string {
  return reference?.url ? ` ([${reference.external_id}](${markdownLinkDestination(reference.url)}))` : '';
}

/** The name a confirmation resolved to, else the name as tagged. */
const nameOf = (tag: EntityTagRecord) => tag.canonical.trim() || tag.name.trim();

function line(tag: EntityTagRecord, attackIdOf: AttackIdLookup | undefined): string {
  const name = nameOf(tag);
  switch (tag.kind) {
    case 'malware':
    case 'tool':
      return `- **${markdownInline(name)}**${linked(attackSoftwareReference(attackIdOf?.(tag.kind, name)))}`;
    case 'technique':
      return `- **${markdownInline(name)}**${linked(attackTechniqueReference(attackIdOf?.('technique', name)))}`;
    case 'vulnerability': {
      // A CVE's name is its id: the name itself links to its record, rather than repeating the id after it.
      const record = cveReference(name);
      return record?.url ? `- **[${markdownInline(name)}](${markdownLinkDestination(record.url)})**` : `- **${markdownInline(name)}**`;
    }
    case 'organization':
    case 'person':
    case 'place':
      return `- **${markdownInline(name)}**`;
    default: {
      const [indicator] = findIndicators(name);
      const type = indicator?.indicatorType && indicator.canonical === name ? indicator.indicatorType : undefined;
      return type ? `- ${codeSpan(defangIndicator(name, type))} (${INDICATOR_TYPE_NAMES[type]})` : `- ${codeSpan(name)}`;
    }
  }
}

/** The sections for the page's confirmed entities, in a fixed order; empty when it has none. */
export function confirmedSections(tags: readonly EntityTagRecord[], attackIdOf?: AttackIdLookup): string[] {
  const sections: string[] = [];
  for (const { kind, title } of SECTIONS) {
    const seen = new Set<string>();
    const lines = tags
      // A name with nothing to show (blank, or control characters alone) would make an empty item, `- ****`.
      .filter((tag) => tag.kind === kind && tag.status === 'confirmed' && markdownInline(nameOf(tag)) !== '')
      .sort((a, b) => compare(a.canonical, b.canonical))
      .map((tag) => line(tag, attackIdOf))
      .filter((text) => !seen.has(text) && (seen.add(text), true));
    if (lines.length) sections.push([`## ${title}`, '', ...lines].join('\n'));
  }
  return sections;
}
