// @vitest-environment jsdom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { EntityFacts } from '@/components/entity-facts';
import type { EntityDetailsResult } from '@/lib/messaging/contract';

const facts = (details: Partial<EntityDetailsResult>) => {
  const root = document.createElement('div');
  render(
    <EntityFacts
      details={{ kind: 'threat-actor', canonical: 'APT29', aliases: [], sources: [], links: [], why: [], pages: [], ...details }}
    />,
    root,
  );
  return [...root.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
};

describe('what the details say about an actor', () => {
  it('leaves out an origin that only repeats the country', () => {
    const shown = facts({ country: 'RU', motivation: 'Russia' });
    expect(shown).toContain('Country: Russia');
    expect(shown.some((line) => line.startsWith('Origin or motive'))).toBe(false);
  });

  it('keeps an origin or motive that says more than the country', () => {
    expect(facts({ country: 'RU', motivation: 'Financially motivated' })).toContain('Origin or motive: Financially motivated');
    expect(facts({ motivation: 'Financially motivated' })).toContain('Origin or motive: Financially motivated');
  });
});
