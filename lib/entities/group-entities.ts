/**
 * Grouping decided mentions into entities: one per resolved actor or software family (an ambiguous
 * name goes to a candidate the text names unambiguously elsewhere, else to the preferred one, and
 * lists every candidate), one per new name, and an unknown alias given in apposition joins the entity
 * it names. A family listed as a tool is malware in a text that calls it malware at any of its
 * mentions (one sense per text: "the Taurus stealer" makes every Taurus a mention of malware); a name no
 * list has is a tool where the text presents it as one at any of its mentions ("the Socat tool"). A gang
 * known only by its ransomware's names is one actor under the family's name, whichever of them the text
 * uses ("the ALPHV/BlackCat gang", "ALPHV affiliates": BlackCat, also known as ALPHV and Noberus), or the
 * actor a list files under one of those names with "Gang", "Group" or "Team" (`listed-gangs.ts`).
 */
import { formKey, type ActorDictionary } from './dictionary';
import type { CuedName, CueKind } from './cue-names';
import type { SoftwareDictionary } from './software-dictionary';
import { listedGangs } from './listed-gangs';
import { firstEndingAfter, previousGroup } from './previous-group';
import type { Entity, FoundBy, LowerCaseLicence, Mention } from './types';

/** A candidate mention with everything the dictionaries, schemes and cues said about it. */
export interface Span extends Mention {
  actorIds: number[];
  softwareIds: number[];
  /** Every dictionary form that matched here is weak (needs context). */
  weak: boolean;
  lowerListed: boolean;
  /**
   * An actor's name that software lists have only as a lower-case slug (ransomlook's "shinyhunters" beside the
   * actor "ShinyHunters"): a gang's listing, which says nothing against the actor.
   */
  softwareOnlyInLowerCase?: boolean;
  dictionary: boolean;
  scheme?: string;
  cued?: CueKind;
  /** A cue introduces a group under this name (`CuedName.introduced`). */
  introduced?: boolean;
  aliasOf?: CuedName['aliasOf'];
  /** Another name of the group the text has just named (`CuedName.sameAsPrevious`). */
  sameAsPrevious?: boolean;
  /** Another name a vendor gives the name at `aliasOf` (`CuedName.vendorName`). */
  vendorName?: boolean;
  /** Software a naming verb names right at this mention (`CuedName.namedSoftware`). */
  namedSoftware?: boolean;
  /** The text calls the software malware right at this mention ("Taurus Stealer"). */
  calledMalware?: boolean;
  /** The text presents the software as a tool right at this mention ("the Socat tool"). */
  calledTool?: boolean;
  /** A program's file name whose stem is a listed tool (`certutil.exe`). */
  executable?: boolean;
  /**
   * A listed program written here in lower case, and why that counts (`lower-case-mentions.ts`): the text
   * writes it with a capital where it calls it software, presents it here as a tool or among software, or
   * it is a listed tool whose name is no ordinary word.
   */
  lowerCase?: LowerCaseLicence;
}

/** A mention decided to be an actor or software. */
export type Decided = Span & { kind: 'actor' | 'software' };

export function groupEntities(
  text: string,
  spans: readonly Decided[],
  dictionary: ActorDictionary,
  softwareDictionary: SoftwareDictionary,
): Entity[] {
  // Prefer a candidate the text names unambiguously.
  const namedActors = new Set(spans.filter((s) => s.kind === 'actor' && s.actorIds.length === 1).map((s) => s.actorIds[0]));
  const namedSoftware = new Set(spans.filter((s) => s.kind === 'software' && s.softwareIds.length === 1).map((s) => s.softwareIds[0]));
  // …then, for software, the family the lists give the name of an actor the text names: "Snake" near Turla is
  // Uroburos (also listed as Turla), not the Snake ransomware.
  const namedActorKeys = new Set([...namedActors].map((id) => formKey(dictionary.actors[id].canonical)));
  const ofNamedActor = (id: number) => softwareDictionary.software[id].aliases.some((alias) => namedActorKeys.has(formKey(alias)));
  const resolve = (span: Decided): number | undefined => {
    const ids = span.kind === 'actor' ? span.actorIds : span.softwareIds;
    const named = span.kind === 'actor' ? namedActors : namedSoftware;
    if (ids.length === 0) return undefined;
    return ids.find((id) => named.has(id)) ?? (span.kind === 'software' ? ids.find(ofNamedActor) : undefined) ?? ids[0];
  };
  // Per span, by index: its resolved id (undefined for a name no list has) and, for those, its form
  // key, worked out once (a text may hold tens of thousands of mentions).
  const ids = spans.map(resolve);
  // A gang no actor list has, named after its ransomware: the family, resolved as software is.
  const families = spans.map((span, i) =>
    span.kind === 'actor' && ids[i] === undefined && span.softwareIds.length
      ? (span.softwareIds.find((id) => namedSoftware.has(id)) ?? span.softwareIds[0])
      : undefined,
  );
  // …unless a list has that gang under a name of its own ("ALPHV Ransomware Group": Alpha Spider).
  const gangOf = listedGangs(dictionary, softwareDictionary.software);
  const gangs = families.map((family) => (family === undefined ? undefined : gangOf(family)));
  const forms = spans.map((span, i) => (ids[i] === undefined && families[i] === undefined ? formKey(span.text) : ''));
  const groupKey = (i: number) =>
    ids[i] !== undefined
      ? `${spans[i].kind}:${ids[i]}`
      : gangs[i] !== undefined
        ? `actor:${gangs[i]}`
        : families[i] !== undefined
          ? `actor-family:${families[i]}`
          : `${spans[i].kind}-new:${forms[i]}`;
  // An unknown alias given in apposition joins the entity it names, if that is of the same kind.
  const aliasKey = new Map<string, number>();
  // The head may be listed, a name a vendor's naming scheme makes ("APT28 (also known as Sofacy)",
  // "TA3546 (also known as FIN7)"), or a new actor's name a cue proposed right there ("The Winnti Group (also
  // known as APT41, BARIUM…)" in a text whose lists have none of them); not new software (its "aliases" are as
  // often versions, modules or file names).
  const known = spans
    .map((_, i) => i)
    .filter(
      (i) =>
        ids[i] !== undefined ||
        (spans[i].kind === 'actor' && (spans[i].scheme !== undefined || (spans[i].cued === 'actor' && !spans[i].aliasOf))),
    );
  // A name a vendor gives ("Mandiant tracks DuskRelay as SHADOWPLANK") joins new software too.
  const knownSet = new Set(known);
  const knownOrNewSoftware = spans
    .map((_, i) => i)
    .filter((i) => knownSet.has(i) || (spans[i].kind === 'software' && spans[i].cued !== undefined && !spans[i].aliasOf));
  const headOf = new Map<object, number | undefined>();
  spans.forEach((span, i) => {
    const of = span.aliasOf;
    if (!of || ids[i] !== undefined || families[i] !== undefined || aliasKey.has(forms[i])) return;
    if (!headOf.has(of)) {
      // The first known span ending after the head starts.
      const heads = span.vendorName ? knownOrNewSoftware : known;
      const lo = firstEndingAfter(spans, heads, of.start);
      const head = lo < heads.length && spans[heads[lo]].start < of.end ? heads[lo] : undefined;
      headOf.set(of, head !== undefined && of.abbreviation && !abbreviates(text, spans[head], of) ? undefined : head);
    }
    const head = headOf.get(of);
    if (head !== undefined) aliasKey.set(forms[i], head);
  });
  // "Mandiant, which tracks the group as UNC5812": the group the text named last, just before.
  spans.forEach((span, i) => {
    if (!span.sameAsPrevious || span.kind !== 'actor' || ids[i] !== undefined || families[i] !== undefined || aliasKey.has(forms[i]))
      return;
    const head = previousGroup(text, spans, known, i);
    // That group may itself be another name, given earlier, of a group named before it.
    const owner = head === undefined ? undefined : (aliasKey.get(forms[head]) ?? head);
    if (owner !== undefined && forms[owner] !== forms[i]) aliasKey.set(forms[i], owner);
  });

  interface Group {
    kind: 'actor' | 'software';
    id?: number;
    family?: number;
    ids: number[];
    mentions: Mention[];
    calledMalware: boolean;
    calledTool: boolean;
    foundBy: NonNullable<FoundBy['rules']>;
  }
  const groups = new Map<string, Group>();
  spans.forEach((span, i) => {
    let owner = i;
    if (ids[i] === undefined && families[i] === undefined) {
      const joined = aliasKey.get(forms[i]);
      // An unknown name proposed only as another name of something unknown ("CASB" in "Cloud
      // Access Security Broker (CASB)") is nothing, unless a naming scheme makes it a name of its own.
      if (joined === undefined && span.aliasOf && !span.dictionary && span.scheme === undefined) return;
      owner = joined ?? i;
    }
    const key = groupKey(owner);
    let group = groups.get(key);
    if (!group)
      groups.set(
        key,
        (group = {
          kind: spans[owner].kind,
          id: ids[owner] ?? gangs[owner],
          ids: [],
          mentions: [],
          calledMalware: false,
          calledTool: false,
          foundBy: {},
        }),
      );
    if (span.calledMalware) group.calledMalware = true;
    if (span.calledTool) group.calledTool = true;
    // Why it is here, for the entity's details: the first reason of each sort among its mentions.
    if (span.dictionary) group.foundBy.listed = true;
    if (span.scheme) group.foundBy.scheme ??= span.scheme;
    if (span.cued) group.foundBy.cue ??= span.cued;
    if (span.introduced && group.kind === 'actor') group.foundBy.introduced = true;
    if (span.lowerCase) group.foundBy.lowerCase ??= span.lowerCase;
    if (families[owner] !== undefined) {
      group.family ??= families[owner];
      group.foundBy.family = true;
    }
    for (const other of group.kind === 'actor' ? span.actorIds : span.softwareIds) if (!group.ids.includes(other)) group.ids.push(other);
    group.mentions.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end) });
  });

  const entities: Entity[] = [];
  for (const group of groups.values()) {
    const first = group.mentions[0].text;
    if (group.kind === 'actor') {
      const actor = group.id === undefined ? undefined : dictionary.actors[group.id];
      const family = group.family === undefined ? undefined : softwareDictionary.software[group.family];
      const entity: Entity = {
        kind: 'threat-actor',
        name: first,
        canonical: actor?.canonical ?? family?.canonical ?? first,
        aliases:
          actor && family
            ? namesBesides(actor.canonical, [...actor.aliases, family.canonical, ...family.aliases])
            : // A name no list has: the other names the text gives it ("N.O.X. Collective", "also known as Y").
              (actor?.aliases ?? family?.aliases ?? namesInText(group.mentions)),
        mentions: group.mentions,
        foundBy: { rules: group.foundBy },
      };
      if (actor?.mitreId) entity.attackId = actor.mitreId;
      if (actor && group.ids.length > 1)
        entity.candidates = [actor.id, ...group.ids.filter((i) => i !== actor.id)].map((i) => dictionary.actors[i].canonical);
      entities.push(entity);
    } else {
      const family = group.id === undefined ? undefined : softwareDictionary.software[group.id];
      const entity: Entity = {
        // A new name the text presents as a tool is a tool; a listed family keeps its listed kind.
        kind: group.calledMalware ? 'malware' : group.calledTool && !family ? 'tool' : (family?.kind ?? 'malware'),
        name: first,
        canonical: family?.canonical ?? first,
        // A name no list has: another name a vendor gives it ("Mandiant tracks DuskRelay as SHADOWPLANK").
        aliases: family?.aliases ?? namesInText(group.mentions),
        mentions: group.mentions,
        foundBy: { rules: group.foundBy },
      };
      if (family?.attackId) entity.attackId = family.attackId;
      if (family && group.ids.length > 1) {
        entity.candidates = [family.id, ...group.ids.filter((i) => i !== family.id)].map((i) => softwareDictionary.software[i].canonical);
      }
      entities.push(entity);
    }
  }
  return entities.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}

/** The other names a name no list has goes by in the text: its mentions' forms besides the first one's. */
function namesInText(mentions: readonly Mention[]): string[] {
  const forms = mentions.map((m) => m.text.replace(/\s+/g, ' '));
  return namesBesides(forms[0], forms);
}

/** `names` without `canonical` and without repeats, compared as forms. */
function namesBesides(canonical: string, names: readonly string[]): string[] {
  const seen = new Set([formKey(canonical)]);
  return names.filter((name) => !seen.has(formKey(name)) && Boolean(seen.add(formKey(name))));
}

/** A group noun after a name, which an abbreviation may spell too: "the Lazarus Group (LG)" abbreviates Lazarus. */
const GROUP_NOUN_TO_END = /^[\s\u00a0]+(?:group|gang|team|crew|APT)$/i;

/** Whether an abbreviation of the words at `of` is one of the name at `head`: the name ends where those words do. */
function abbreviates(text: string, head: Span, of: { start: number; end: number }): boolean {
  return head.end === of.end || (head.end < of.end && GROUP_NOUN_TO_END.test(text.slice(head.end, of.end)));
}
