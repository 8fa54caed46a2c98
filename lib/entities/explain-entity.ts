/**
 * Why an entity is in a page's list, and why its name resolved where it did, in words for its details:
 * a listed name (and whose list: "Octo Tempest → Scattered Spider: Microsoft's name for it (Microsoft
 * naming map; also MISP galaxy)"), a vendor naming scheme, a cue phrase in the text, or the learned model
 * with its confidence; and for an ambiguous name, every actor it may mean and which one was taken.
 */
import { describeCandidate } from './alias-candidates';
import type { AmbiguousName } from './alias-picks';
import { formKey } from './dictionary';
import { explainKind } from './explain-kind';
import { withoutGroupNoun } from './group-noun';
import { gangNameAmong } from './listed-gangs';
import { REMOTE_ACCESS_SOURCE } from './remote-access-software';
import { DUAL_USE_PURPOSE, DUAL_USE_SOURCE, type DualUse } from './dual-use-tools';
import { sourceIdsOf, sourceName } from './source-names';
import { LOWER_CASE_LICENCES, type Entity, type FoundBy, type LowerCaseLicence } from './types';

/** The fields of a data record the explanation reads. */
export interface ExplainedRecord {
  name: string;
  aliases: string[];
  microsoft_name?: string;
  sources?: string[];
  source?: string;
  /** A software record's kind: for a threat actor, the ransomware its gang is named after. */
  kind?: string;
  /** What intruders use a tool of Gloss's dual-use list for (`dual-use-tools.ts`). */
  use?: string;
}

const listNames = (record: ExplainedRecord | undefined): string[] => sourceIdsOf(record).map(sourceName);

/**
 * The model's confidence in words: "about 85%", to the nearest 5%, since it is calibrated to within a few
 * points (README, *How sure the model is*); never "100%" or "0%", which no model's guess is: "over 95%",
 * "under 5%".
 */
export function aboutPercent(p: number): string {
  if (!(p >= 0.025)) return 'under 5%';
  if (p >= 0.975) return 'over 95%';
  return `about ${Math.round(p * 20) * 5}%`;
}

/** "A (its own name; MISP galaxy), B (…) or C (…)". */
function either(parts: string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/**
 * One ambiguous name: every actor it may mean with where each goes by it, and who decided which one the
 * page's mentions of it mean (the researcher's pick, or Gloss).
 */
export function explainAmbiguousName(ambiguous: AmbiguousName, taken: string): string {
  const decided = ambiguous.pick
    ? `you picked ${ambiguous.pick.actor} ${ambiguous.pick.scope === 'page' ? 'for this page' : 'for every page'}`
    : `Gloss took ${taken}, the one the text names elsewhere or the lists put first`;
  return `“${ambiguous.name}” may mean ${either(ambiguous.candidates.map(describeCandidate))}; ${decided}`;
}

export function explainEntity(
  entity: Pick<Entity, 'kind' | 'name' | 'canonical' | 'candidates' | 'foundBy' | 'attackId' | 'indicatorType' | 'warning'> & {
    aliases?: readonly string[];
    ambiguous?: readonly AmbiguousName[];
  },
  record?: ExplainedRecord,
): string[] {
  const why: string[] = [];
  const rules = entity.foundBy?.rules;
  const model = entity.foundBy?.model;
  const lists = listNames(record);
  const renamed = formKey(entity.name) !== formKey(entity.canonical);
  const namedAfter = entity.kind === 'threat-actor' && record?.kind !== undefined;
  const listedIn = lists.length ? ` (${lists.join(', ')})` : '';
  // A gang named after its ransomware that a list files under a name of its own (`listed-gangs.ts`).
  const gangName =
    entity.kind === 'threat-actor' && rules?.family && record && !namedAfter
      ? gangNameAmong(record.aliases, [entity.name, ...(entity.aliases ?? [])])
      : undefined;
  if (gangName) {
    const also = formKey(gangName.stem) === formKey(entity.name) ? '' : ` (also ${gangName.stem})`;
    why.push(
      renamed
        ? `${entity.name} → ${entity.canonical}: the gang named after its ransomware${also}; the lists call it “${gangName.name}”${listedIn}`
        : `A listed name${listedIn}; some mentions name the gang after its ransomware, as the lists do (“${gangName.name}”)`,
    );
  } else if (namedAfter) {
    // A gang no actor list has, named after its ransomware (`group-entities.ts`); "the TrickBot gang" is
    // the family's own name with a group noun.
    why.push(
      formKey(withoutGroupNoun(entity.name)) !== formKey(entity.canonical)
        ? `${entity.name} → ${entity.canonical}: another name of the ${record.kind} the gang is named after${listedIn}`
        : `A gang named after its ${record.kind}, which the lists have${listedIn}; no list has the gang itself`,
    );
  } else if (rules?.listed || (renamed && record)) {
    if (renamed) {
      const isMicrosofts = record?.microsoft_name !== undefined && formKey(record.microsoft_name) === formKey(entity.name);
      const others = lists.filter((l) => l !== 'Microsoft naming map');
      if (isMicrosofts)
        why.push(
          `${entity.name} → ${entity.canonical}: Microsoft's name for it (Microsoft naming map${others.length ? `; also ${others.join(', ')}` : ''})`,
        );
      else
        why.push(
          `${entity.name} → ${entity.canonical}: another name for it${lists.length ? ` (${lists.join(', ')})` : ' in the shipped lists'}`,
        );
    } else why.push(`A listed name${lists.length ? ` (${lists.join(', ')})` : ''}`);
  }
  if (rules?.lowerCase === 'capitalised-elsewhere')
    why.push('Also written in lower case, as programs often are: the text writes it with a capital where it calls it software');
  else if (rules?.lowerCase === 'program-file-elsewhere')
    why.push('Also written in lower case, as programs often are: the text names its program file elsewhere (“chisel.exe”)');
  else if (rules?.lowerCase === 'among-software')
    why.push(
      'Also written in lower case, where the text presents it as a tool or lists it with other software (“tools such as plink or chisel”)',
    );
  else if (rules?.lowerCase === 'listed-tool')
    why.push(
      'Also written in lower case, as administrators write programs (“tunnels with plink”): a listed tool whose name is no ordinary word',
    );
  if (entity.kind === 'tool' && sourceIdsOf(record).includes(REMOTE_ACCESS_SOURCE))
    why.push(
      'Remote-support software sold for IT work, which intruders install to keep access (MITRE ATT&CK T1219, Remote Access Software): a tool, not malware',
    );
  const purpose = record?.use ? DUAL_USE_PURPOSE[record.use as DualUse] : undefined;
  if (entity.kind === 'tool' && purpose && sourceIdsOf(record).includes(DUAL_USE_SOURCE))
    why.push(`Legitimate software that intruders also run, ${purpose}: a tool, not malware`);
  if (entity.kind === 'technique' && entity.attackId) {
    const named = entity.canonical === entity.attackId ? entity.attackId : `${entity.attackId} ${entity.canonical}`;
    why.push(`MITRE ATT&CK technique ${named}: the text names it by its id, its name or a common name for it`);
    if (rules?.row)
      why.push(
        'Some mentions are rows of an ATT&CK table in the text (the id, its name and what the actor does), marked whole; the technique is named by its ATT&CK id and name',
      );
  }
  if (rules?.scheme) why.push(`Named in a vendor's naming scheme (${rules.scheme})`);
  if (rules?.cue === 'actor' && rules.introduced)
    why.push('The text introduces it as a group’s own name (a cue such as “we dubbed the gang X”, “the X APT”, “refers to itself as X”)');
  else if (rules?.cue === 'actor') why.push('The text names it as a group (a cue such as “the X gang”, “tracked as X”, “threat actor X”)');
  if (rules?.cue === 'software' && entity.kind === 'threat-actor')
    why.push(
      'The gang named after a ransomware the text names (“X ransomware”): a group noun stands at these mentions (a cue such as “X actors”, “X affiliates”, “the X gang”)',
    );
  else if (rules?.cue === 'software')
    why.push('The text names it as software (a cue such as “X loader”, “a backdoor dubbed X”, “X is a loader”)');
  if (entity.kind === 'threat-actor' && !record && !rules?.listed && entity.aliases?.length)
    why.push(
      `The text gives it other names: ${entity.aliases.join(', ')} (a cue such as “also known as Y”, “which tracks the group as Y”, “the group … refers to itself as Y”, “X and Y are the same group”)`,
    );
  else if (entity.kind !== 'threat-actor' && !record && !rules?.listed && entity.aliases?.length)
    why.push(`The text gives it other names: ${entity.aliases.join(', ')} (a vendor’s name for it: “Mandiant tracks X as Y”)`);
  if (model) {
    const sure = aboutPercent(model.confidence);
    why.push(
      model.doubts
        ? `The learned model doubts it, not enough to overrule the text, which calls it a group (${sure} sure it is right)`
        : model.agreesWithRules
          ? `The learned model agrees (${sure} sure)`
          : `Found by the learned model, ${sure} sure (trained on labelled threat reports; no list or rule named it here)`,
    );
  }
  if (entity.ambiguous && entity.ambiguous.length > 0) {
    for (const name of entity.ambiguous) why.push(explainAmbiguousName(name, entity.canonical));
  } else if (entity.candidates && entity.candidates.length > 1) {
    why.push(
      `“${entity.name}” may mean ${entity.candidates.join(', ')}; Gloss took ${entity.candidates[0]}, the one the text names elsewhere or the lists put first`,
    );
  }
  // CVE ids, indicators, organisations and places are found by their form or their own lists: say which.
  const byKind = why.length === 0 ? explainKind(entity.kind, entity.indicatorType) : null;
  if (byKind) why.push(byKind);
  if (entity.kind === 'indicator' && entity.warning)
    why.push(
      `On a MISP warninglist as ${entity.warning.label}: shown because the text presents it as an indicator here, but not reported as malicious unless you confirm it`,
    );
  return why;
}

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;

/**
 * The `foundBy` of an entity as a message carries it, kept only in its known shape (the details handler
 * takes it from the popup; anything else is dropped, never shown).
 */
export function readFoundBy(value: unknown): FoundBy | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { rules, model } = value as Record<string, unknown>;
  const out: FoundBy = {};
  if (typeof rules === 'object' && rules !== null) {
    const r = rules as Record<string, unknown>;
    out.rules = {
      ...(r.listed === true && { listed: true }),
      ...(isText(r.scheme) && { scheme: r.scheme }),
      ...((r.cue === 'actor' || r.cue === 'software') && { cue: r.cue }),
      ...(r.introduced === true && { introduced: true }),
      ...(r.row === true && { row: true }),
      ...(r.family === true && { family: true }),
      ...(LOWER_CASE_LICENCES.includes(r.lowerCase as LowerCaseLicence) && { lowerCase: r.lowerCase as LowerCaseLicence }),
    };
  }
  if (typeof model === 'object' && model !== null) {
    const m = model as Record<string, unknown>;
    if (typeof m.confidence === 'number' && Number.isFinite(m.confidence))
      out.model = { confidence: m.confidence, agreesWithRules: m.agreesWithRules === true, ...(m.doubts === true && { doubts: true }) };
  }
  return out;
}

export function readCandidates(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length <= 50 && value.every((v) => isText(v)) ? (value as string[]) : undefined;
}

/**
 * The ambiguous names a details request names, with the pick in force for each, kept only in their known
 * shape; the candidates are the background's own (`ActorNameIndex`), never the message's.
 */
export function readAmbiguousRefs(value: unknown): { name: string; pick: { actor: string; scope: 'page' | 'everywhere' } | null }[] {
  if (!Array.isArray(value)) return [];
  const refs: { name: string; pick: { actor: string; scope: 'page' | 'everywhere' } | null }[] = [];
  for (const item of value.slice(0, 50)) {
    if (typeof item !== 'object' || item === null || !isText((item as { name?: unknown }).name)) continue;
    const { name, pick } = item as { name: string; pick?: unknown };
    const p = typeof pick === 'object' && pick !== null ? (pick as { actor?: unknown; scope?: unknown }) : null;
    const valid = p && isText(p.actor) && (p.scope === 'page' || p.scope === 'everywhere');
    refs.push({ name, pick: valid ? { actor: p.actor as string, scope: p.scope as 'page' | 'everywhere' } : null });
  }
  return refs;
}
