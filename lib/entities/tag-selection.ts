/**
 * What a piece of text the researcher selected becomes when they tag it as a kind of entity: the name
 * and canonical name a verdict is stored under (the same key the scanner gives that entity, so a
 * later scan of the page finds the verdict), or a plain-words reason it cannot be that kind.
 */
import { findIndicators } from './indicators';
import type { TaggableKind } from './taggable-kinds';
import type { Entity, EntityKind, IndicatorType } from './types';
import { findVulnerabilities } from './vulnerabilities';

export { isTaggableKind, TAGGABLE_KINDS, type TaggableKind } from './taggable-kinds';

export interface SelectionTag {
  kind: TaggableKind;
  name: string;
  canonical: string;
  indicatorType?: IndicatorType;
}

export type SelectionTagResult = { ok: true; tag: SelectionTag } | { ok: false; message: string };

/** Longest name kept, as entity names are (record-limits). */
const MAX_NAME = 200;

const SOFTWARE: readonly EntityKind[] = ['malware', 'tool'];

/**
 * The entity of `found` that is exactly `text`, of `kind` if there is one; a listed malware name
 * tagged as a tool (or the other way round) still takes its listed name.
 */
function wholeMatch(found: readonly Entity[], text: string, kind: EntityKind): Entity | undefined {
  const whole = found.filter((e) => e.mentions.some((m) => m.start === 0 && m.end === text.length));
  return whole.find((e) => e.kind === kind) ?? (SOFTWARE.includes(kind) ? whole.find((e) => SOFTWARE.includes(e.kind)) : undefined);
}

/**
 * The tag for `selected` as `kind`. `findEntities` is the page scanner (dictionaries, vendor schemes):
 * a listed name resolves to its canonical name ("mimikatz" → "Mimikatz"), anything else is kept as
 * written. Indicators must be exactly one indicator (defanged is fine: it is stored refanged), CVEs
 * exactly one CVE id.
 */
export function selectionTag(selected: string, kind: TaggableKind, findEntities: (text: string) => Entity[]): SelectionTagResult {
  const name = selected.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!name) return { ok: false, message: 'Select the text in the page first, then choose this again.' };
  if (name.length > MAX_NAME) return { ok: false, message: `That selection is too long for a name (over ${MAX_NAME} characters).` };
  if (kind === 'indicator') {
    const indicator = wholeMatch(findIndicators(name), name, 'indicator');
    if (!indicator?.indicatorType) {
      return {
        ok: false,
        message: `“${name}” isn’t an indicator Gloss can read: select one IP address, domain, URL, e-mail address or MD5, SHA-1 or SHA-256 hash.`,
      };
    }
    return { ok: true, tag: { kind, name, canonical: indicator.canonical, indicatorType: indicator.indicatorType } };
  }
  if (kind === 'vulnerability') {
    const cve = wholeMatch(findVulnerabilities(name), name, 'vulnerability');
    if (!cve) return { ok: false, message: `“${name}” isn’t a CVE id; select one such as CVE-2024-3400.` };
    return { ok: true, tag: { kind, name, canonical: cve.canonical } };
  }
  const listed = wholeMatch(findEntities(name), name, kind);
  return { ok: true, tag: { kind, name, canonical: listed?.canonical ?? name } };
}
