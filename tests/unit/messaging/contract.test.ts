import { describe, expect, it } from 'vitest';
import { isGlossErrorReply } from '@/lib/messaging/contract';
import { isGlossRequest, isGlossRequestType } from '@/lib/messaging/request-checks';

describe('isGlossRequest', () => {
  it('accepts the contract’s requests', () => {
    expect(isGlossRequest({ type: 'analyze-tab', tabId: 3 })).toBe(true);
    expect(isGlossRequest({ type: 'scroll-to-heading', tabId: 3, target: { liveIndex: 1, text: 'A' } })).toBe(true);
  });
  it('rejects anything else on the channel', () => {
    expect(isGlossRequest(null)).toBe(false);
    expect(isGlossRequest('analyze-tab')).toBe(false);
    expect(isGlossRequest({ type: 'delete-everything', tabId: 3 })).toBe(false);
    expect(isGlossRequest({ type: 'analyze-tab', tabId: '3' })).toBe(false);
    expect(isGlossRequest({ type: 'analyze-tab' })).toBe(false);
  });

  it('checks the shape of entity requests, which carry page-derived names', () => {
    const entity = { kind: 'threat-actor', name: 'Octo Tempest', canonical: 'Scattered Spider' };
    const page = { title: 'T', siteName: null };
    expect(isGlossRequest({ type: 'tag-entity', tabId: 3, entity, verdict: 'confirmed', page })).toBe(true);
    expect(isGlossRequest({ type: 'tag-entity', tabId: 3, entity, verdict: null, page })).toBe(true);
    expect(isGlossRequest({ type: 'tag-entity', tabId: 3, entity, verdict: 'maybe', page })).toBe(false);
    expect(isGlossRequest({ type: 'tag-entity', tabId: 3, entity: { ...entity, name: '  ' }, verdict: 'confirmed', page })).toBe(false);
    expect(isGlossRequest({ type: 'add-actor', tabId: 3, actor: { name: 'X'.repeat(201), aliases: [], linkTo: null }, page })).toBe(false);
    expect(isGlossRequest({ type: 'mark-entities', tabId: 3, marks: [], focus: null })).toBe(true);
    expect(isGlossRequest({ type: 'mark-entities', tabId: 3, marks: 'all', focus: null })).toBe(false);
    expect(isGlossRequest({ type: 'pages-for-actor', name: 'UNC3944' })).toBe(true);
    expect(isGlossRequest({ type: 'tag-selection', tabId: 3, kind: 'indicator', text: 'evil[.]com', page })).toBe(true);
    expect(isGlossRequest({ type: 'tag-selection', tabId: 3, kind: 'threat-actor', text: 'X', page })).toBe(false);
    expect(isGlossRequest({ type: 'tag-selection', tabId: 3, kind: 'malware', text: 'x'.repeat(501), page })).toBe(false);
    expect(isGlossRequest({ type: 'tag-selection', tabId: 3, kind: 'malware', text: 'X' })).toBe(false);
    expect(isGlossRequest({ type: 'export-indicators', tabId: 3, format: 'csv', fanging: 'defanged', page })).toBe(true);
    expect(isGlossRequest({ type: 'export-indicators', tabId: 3, format: 'xlsx', fanging: 'defanged', page })).toBe(false);
    expect(isGlossRequest({ type: 'export-indicators', tabId: 3, format: 'text', fanging: 'fanged', page })).toBe(false);
    expect(isGlossRequest({ type: 'suggest-actors', query: 'a'.repeat(201) })).toBe(false);
  });

  it('checks the shape of alias picks and of the ambiguous names a details request names', () => {
    const page = { title: 'T', siteName: null };
    const pick = { type: 'pick-alias', tabId: 3, name: 'Grizzly Steppe', actor: 'APT29', scope: 'page', page };
    expect(isGlossRequest(pick)).toBe(true);
    expect(isGlossRequest({ ...pick, actor: null, scope: 'everywhere' })).toBe(true);
    expect(isGlossRequest({ ...pick, scope: 'site' })).toBe(false);
    expect(isGlossRequest({ ...pick, name: ' ' })).toBe(false);
    expect(isGlossRequest({ ...pick, actor: 'A'.repeat(201) })).toBe(false);
    expect(isGlossRequest({ ...pick, actor: 29 })).toBe(false);
    expect(isGlossRequest({ ...pick, page: undefined })).toBe(false);
    const entity = { kind: 'threat-actor', name: 'Grizzly Steppe', canonical: 'APT28', aliases: [] };
    expect(isGlossRequest({ type: 'entity-details', entity: { ...entity, ambiguous: [{ name: 'Grizzly Steppe', pick: null }] } })).toBe(
      true,
    );
    expect(isGlossRequest({ type: 'entity-details', entity: { ...entity, ambiguous: 'Grizzly Steppe' } })).toBe(false);
    expect(isGlossRequest({ type: 'entity-details', entity: { ...entity, ambiguous: Array(51).fill({ name: 'X', pick: null }) } })).toBe(
      false,
    );
  });
});

describe('the rest of the contract', () => {
  it('takes annotation ids of up to 100 characters, the limit records keep', () => {
    expect(isGlossRequest({ type: 'delete-annotation', id: 'x'.repeat(100) })).toBe(true);
    expect(isGlossRequest({ type: 'delete-annotation', id: 'x'.repeat(101) })).toBe(false);
    expect(isGlossRequest({ type: 'scroll-to-highlight', tabId: 1, id: 'x'.repeat(101) })).toBe(false);
  });

  it('names its request types, and tells the error envelope from a reply', () => {
    expect(isGlossRequestType('analyze-tab')).toBe(true);
    expect(isGlossRequestType('highlights-placed')).toBe(false);
    expect(isGlossRequestType('toString')).toBe(false);
    expect(isGlossErrorReply({ glossError: "analyze-tab is answered only for Gloss's own pages." })).toBe(true);
    expect(isGlossErrorReply({ ok: false, message: 'x' })).toBe(false);
    expect(isGlossErrorReply(null)).toBe(false);
    expect(isGlossErrorReply([])).toBe(false);
  });
});
