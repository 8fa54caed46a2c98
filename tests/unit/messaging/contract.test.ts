import { describe, expect, it } from 'vitest';
import { isGlossRequest } from '@/lib/messaging/contract';

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
    expect(isGlossRequest({ type: 'suggest-actors', query: 'a'.repeat(201) })).toBe(false);
  });
});
