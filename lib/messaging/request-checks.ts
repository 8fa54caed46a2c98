import { isTaggableKind } from '../entities/taggable-kinds';
import { isPdfDocumentKey } from '../pdf/document-key';
import { MAX_ANNOTATION_ID } from '../storage/record-limits';
import { isSettingChanges } from '../storage/settings-store';
import type { SyncSetup } from '../sync/sync-status';
import type { ActorToAdd, EntityRef, GlossRequest, GlossRequestType } from './contract';

/**
 * The shape check of every request of the contract (contract.ts): messages arrive untyped, and the
 * background reads none that fails its check. Who may send each is request-callers.ts's requestCaller.
 */

type Check = (message: Record<string, unknown>) => boolean;
const isTabId = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isId = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= MAX_ANNOTATION_ID;
const isObject = (value: unknown) => typeof value === 'object' && value !== null;
const isName = (value: unknown) => typeof value === 'string' && value.trim().length > 0 && value.length <= 200;
const isStringList = (value: unknown, max: number) =>
  Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string');
const isEntityRef = (value: unknown) =>
  isObject(value) &&
  isName((value as EntityRef).name) &&
  isName((value as EntityRef).canonical) &&
  typeof (value as EntityRef).kind === 'string';

const isAmbiguousRefs = (value: unknown) =>
  value === undefined ||
  (Array.isArray(value) && value.length <= 50 && value.every((item) => isObject(item) && isName((item as { name?: unknown }).name)));

const isDocumentKey = (value: unknown) => isPdfDocumentKey(value);
const isAddress = (value: unknown) => value === null || (typeof value === 'string' && value.length <= 8_000);
const isShortText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;
const isSyncSetup = (value: unknown) =>
  isObject(value) &&
  isShortText((value as SyncSetup).serverUrl, 2_000) &&
  isShortText((value as SyncSetup).user, 500) &&
  isShortText((value as SyncSetup).password, 1_000) &&
  isShortText((value as SyncSetup).passphrase, 1_000);

const CHECKS: Record<GlossRequestType, Check> = {
  'analyze-tab': (m) => isTabId(m.tabId),
  'scroll-to-heading': (m) => isTabId(m.tabId) && isObject(m.target),
  'page-annotations': () => true,
  'load-highlighter': () => true,
  'create-annotation': (m) => isObject(m.target) && isObject(m.page),
  'update-annotation': (m) => isId(m.id) && isObject(m.changes),
  'retarget-annotation': (m) => isId(m.id) && isObject(m.target),
  'delete-annotation': (m) => isId(m.id),
  'restore-annotation': (m) => isObject(m.record) && isId((m.record as { id?: unknown }).id),
  'tab-highlights': (m) => isTabId(m.tabId),
  'scroll-to-highlight': (m) => isTabId(m.tabId) && isId(m.id),
  'reattach-highlight': (m) => isTabId(m.tabId) && isId(m.id),
  'tab-entities': (m) => isTabId(m.tabId),
  'entity-details': (m) => isEntityRef(m.entity) && isAmbiguousRefs((m.entity as { ambiguous?: unknown }).ambiguous),
  'pick-alias': (m) =>
    isTabId(m.tabId) &&
    isName(m.name) &&
    (m.actor === null || isName(m.actor)) &&
    ['page', 'everywhere'].includes(m.scope as string) &&
    isObject(m.page),
  'tag-entity': (m) =>
    isTabId(m.tabId) && isEntityRef(m.entity) && [null, 'confirmed', 'rejected'].includes(m.verdict as string) && isObject(m.page),
  'add-actor': (m) => isTabId(m.tabId) && isObject(m.actor) && isName((m.actor as ActorToAdd).name) && isObject(m.page),
  'tag-selection': (m) =>
    isTabId(m.tabId) && isTaggableKind(m.kind) && typeof m.text === 'string' && m.text.length <= 500 && isObject(m.page),
  'suggest-actors': (m) => typeof m.query === 'string' && m.query.length <= 200,
  'pages-for-actor': (m) => isName(m.name),
  'tab-selection': (m) => isTabId(m.tabId),
  'mark-entities': (m) => isTabId(m.tabId) && Array.isArray(m.marks) && (m.focus === null || Number.isInteger(m.focus)),
  'focus-entity-mark': (m) => isTabId(m.tabId) && Number.isInteger(m.index),
  'clear-entity-marks': (m) => isTabId(m.tabId),
  'entity-marks-shown': (m) => isTabId(m.tabId),
  'export-page': (m) => isTabId(m.tabId) && ['markdown', 'json', 'stix'].includes(m.format as string),
  'export-indicators': (m) =>
    isTabId(m.tabId) &&
    ['text', 'csv'].includes(m.format as string) &&
    ['refanged', 'defanged'].includes(m.fanging as string) &&
    isObject(m.page),
  'actor-profiles': (m) => isStringList(m.keys, 1_000_000),
  'attack-ids': (m) => Array.isArray(m.entities) && m.entities.length <= 100_000,
  'place-facts': (m) => isStringList(m.names, 100_000),
  'open-saved-page': (m) => typeof m.url === 'string' && m.url.length <= 8_000 && (m.annotationId === null || isId(m.annotationId)),
  'library-changed': (m) =>
    isStringList(m.pageUrls, 1_000_000) &&
    typeof m.actorsChanged === 'boolean' &&
    (m.entitiesChanged === undefined || typeof m.entitiesChanged === 'boolean') &&
    (m.settingsChanged === undefined || typeof m.settingsChanged === 'boolean') &&
    (m.pausedSites === undefined || isStringList(m.pausedSites, 100_000)),
  'site-status': () => true,
  'tab-site-pause': (m) => isTabId(m.tabId),
  'set-site-paused': (m) => typeof m.site === 'string' && m.site.length > 0 && m.site.length <= 300 && typeof m.paused === 'boolean',
  'set-settings': (m) => isSettingChanges(m.changes),
  'erase-everything': () => true,
  'sync-view': () => true,
  'sync-set-up': (m) => isSyncSetup(m.setup),
  'sync-now': () => true,
  'sync-off': () => true,
  'sync-forget': () => true,
  'sync-start-over': () => true,
  'tags-in-use': () => true,
  'pdf-annotations': (m) => isDocumentKey(m.documentKey) && isAddress(m.address),
  'create-pdf-annotation': (m) => isDocumentKey(m.documentKey) && isAddress(m.address) && isObject(m.target) && isObject(m.page),
};

/** Every request type of the contract. */
export const GLOSS_REQUEST_TYPES = Object.keys(CHECKS) as GlossRequestType[];

/** Whether `type` names a request of the contract (well formed or not). */
export function isGlossRequestType(type: unknown): type is GlossRequestType {
  return typeof type === 'string' && Object.hasOwn(CHECKS, type);
}

/** Messages arrive untyped; this tells Gloss's own well-formed requests apart from anything else. */
export function isGlossRequest(message: unknown): message is GlossRequest {
  if (!isObject(message)) return false;
  const { type } = message as { type?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(CHECKS, type)) return false;
  return CHECKS[type as GlossRequestType](message as Record<string, unknown>);
}
