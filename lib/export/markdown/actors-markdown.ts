/** The "Threat actors" section of a page's Markdown note. */
import { attackGroupReference } from '../stix/attack-references';
import type { ActorProfile } from '../page-export';
import { markdownInline, markdownLinkDestination } from './escape';

/** Other names listed per actor; some actors have dozens, and the rest only crowd the note. */
export const MAX_ALIASES = 15;

/** The actor's other names, without repeats or its own name (ignoring case and spacing). */
function otherNames(actor: ActorProfile): string[] {
  const key = (name: string) => name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
  const seen = new Set([key(actor.canonical)]);
  return actor.aliases.filter((alias) => {
    const k = key(alias);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function aliasText(actor: ActorProfile): string {
  const names = otherNames(actor);
  if (names.length === 0) return '';
  const listed = names.slice(0, MAX_ALIASES).map(markdownInline).join(', ');
  const more = names.length - MAX_ALIASES;
  return more > 0 ? `: also known as ${listed} and ${more} more` : `: also known as ${listed}`;
}

/** "- **Name** ([G1015](https://attack.mitre.org/groups/G1015/)): also known as A, B" */
function actorLine(actor: ActorProfile): string {
  const reference = attackGroupReference(actor.attackId);
  const attack = reference?.url ? ` ([${reference.external_id}](${markdownLinkDestination(reference.url)}))` : '';
  const name = markdownInline(actor.canonical) || markdownInline(actor.key) || 'Unnamed actor';
  return `- **${name}**${attack}${aliasText(actor)}`;
}

/** The section, or null when the page names no threat actors. */
export function actorsSection(actors: readonly ActorProfile[]): string | null {
  if (actors.length === 0) return null;
  return ['## Threat actors', '', ...actors.map(actorLine)].join('\n');
}
