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
});
