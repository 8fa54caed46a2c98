import { describe, expect, it } from 'vitest';
import { createOrganizationFinder } from '@/lib/entities/organizations';
import { organizations, places } from './shared-data';

const find = createOrganizationFinder(organizations(), places());
const grouped = (text: string) => find(text).map((e) => [e.canonical, e.mentions.map((m) => m.text)]);

describe('one public body under the names a text gives it', () => {
  it('joins a body’s name without its country to the one longer name that ends with it, and the possessive form to the plain one', () => {
    const text =
      'New Zealand’s Department of Conservation said so. The New Zealand Department of Conservation counted 300 whales. The Department of Conservation said more.';
    const [body, ...rest] = find(text);
    expect(rest).toEqual([]);
    expect(body).toMatchObject({ name: 'New Zealand Department of Conservation', canonical: 'New Zealand Department of Conservation' });
    expect(body.aliases).toEqual(['New Zealand’s Department of Conservation', 'Department of Conservation']);
    expect(body.mentions.map((m) => m.text)).toEqual([
      'New Zealand’s Department of Conservation',
      'New Zealand Department of Conservation',
      'Department of Conservation',
    ]);
  });

  it('leaves the short name alone where two bodies end with it: it could mean either', () => {
    expect(grouped('The Indonesian Ministry of Health met the Thai Ministry of Health. The Ministry of Health declined.')).toEqual([
      ['Indonesian Ministry of Health', ['Indonesian Ministry of Health']],
      ['Thai Ministry of Health', ['Thai Ministry of Health']],
      ['Ministry of Health', ['Ministry of Health']],
    ]);
    expect(grouped('The Thai Ministry of Health met. The Ministry of Health declined.')).toEqual([
      ['Thai Ministry of Health', ['Thai Ministry of Health', 'Ministry of Health']],
    ]);
  });

  it('joins only names of bodies, not a company or a listed name that happens to end another', () => {
    expect(grouped('Acme Widgets GmbH and Widgets GmbH both sell.').map(([name]) => name)).toEqual(['Acme Widgets GmbH', 'Widgets GmbH']);
  });
});
