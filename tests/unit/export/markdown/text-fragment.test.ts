import { describe, expect, it } from 'vitest';
import type { TextQuoteSelector } from '@/lib/anchoring/types';
import { fragmentAddress, textDirective, textFragmentUrl } from '@/lib/export/markdown/text-fragment';

function quote(exact: string, prefix = '', suffix = ''): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

/** The directive's terms as a browser reads them: split on commas, then percent-decoded. */
function terms(directive: string | null): { prefix?: string; textStart: string; textEnd?: string; suffix?: string } {
  expect(directive).toMatch(/^text=/);
  const parts = directive!.slice('text='.length).split(',');
  const result: { prefix?: string; textStart: string; textEnd?: string; suffix?: string } = { textStart: '' };
  if (parts[0].endsWith('-')) result.prefix = decodeURIComponent(parts.shift()!.slice(0, -1));
  if (parts[parts.length - 1].startsWith('-')) result.suffix = decodeURIComponent(parts.pop()!.slice(1));
  expect(parts.length === 1 || parts.length === 2).toBe(true);
  result.textStart = decodeURIComponent(parts[0]);
  if (parts.length === 2) result.textEnd = decodeURIComponent(parts[1]);
  return result;
}

const LONG_SENTENCE =
  'Astonishingly, the group managed to generate a staggering 750 million fraudulent Microsoft accounts, ' +
  'operating a sophisticated scheme that earned them millions of dollars in illicit revenue.';

describe('textFragmentUrl', () => {
  it('appends a text directive to the page address', () => {
    expect(textFragmentUrl('https://news.example/a', quote('a notorious cybercrime actor known as Storm-1152'))).toBe(
      'https://news.example/a#:~:text=a%20notorious%20cybercrime%20actor%20known%20as%20Storm%2D1152',
    );
  });

  it('keeps an existing fragment in front of the directive, where browsers fall back to it', () => {
    const passage = quote('a notorious cybercrime actor known as Storm-1152');
    expect(textFragmentUrl('https://a.example/b#overview', passage)).toMatch(/^https:\/\/a\.example\/b#overview:~:text=a%20notorious/);
    expect(textFragmentUrl('https://a.example/#/route/1', passage)).toMatch(/^https:\/\/a\.example\/#\/route\/1:~:text=/);
  });

  it('replaces a text directive the address already has', () => {
    const passage = quote('a notorious cybercrime actor known as Storm-1152');
    const url = textFragmentUrl('https://a.example/b#intro:~:text=old%20words', passage);
    expect(url).toBe('https://a.example/b#intro:~:text=a%20notorious%20cybercrime%20actor%20known%20as%20Storm%2D1152');
    expect(textFragmentUrl('https://a.example/b#:~:text=old', passage)).toMatch(/^https:\/\/a\.example\/b#:~:text=a%20notorious/);
  });

  it('leaves the address as it is when the quote has no text', () => {
    expect(textFragmentUrl('https://a.example/b', quote('  \n '))).toBe('https://a.example/b');
    expect(textFragmentUrl('https://a.example/b#top:~:text=x', quote(''))).toBe('https://a.example/b#top');
  });
});

describe('fragmentAddress', () => {
  it('gives the address to use without a directive and what goes in front of one', () => {
    expect(fragmentAddress('https://a.example/b')).toEqual({
      withoutDirective: 'https://a.example/b',
      beforeDirective: 'https://a.example/b#:~:',
    });
    expect(fragmentAddress('https://a.example/b#top:~:text=old')).toEqual({
      withoutDirective: 'https://a.example/b#top',
      beforeDirective: 'https://a.example/b#top:~:',
    });
  });

  it('is how textFragmentUrl builds its links', () => {
    const passage = quote('a notorious cybercrime actor known as Storm-1152');
    for (const url of ['https://a.example/b', 'https://a.example/b#top', 'https://a.example/b#:~:text=old', 'https://a.example/(x) é']) {
      const address = fragmentAddress(url);
      expect(textFragmentUrl(url, passage)).toBe(`${address.beforeDirective}${textDirective(passage)}`);
      expect(textFragmentUrl(url, quote(' '))).toBe(address.withoutDirective);
    }
  });
});

describe('textDirective encoding', () => {
  it('escapes "-", "," and "&" so they are not read as directive syntax', () => {
    const directive = textDirective(quote('state-of-the-art, R&D-driven tooling, sold as a service'));
    expect(directive).toBe('text=state%2Dof%2Dthe%2Dart%2C%20R%26D%2Ddriven%20tooling%2C%20sold%20as%20a%20service');
    expect(terms(directive)).toEqual({ textStart: 'state-of-the-art, R&D-driven tooling, sold as a service' });
  });

  it('writes spaces as %20 and non-ASCII text as UTF-8 percent escapes', () => {
    expect(textDirective(quote('the scope of Storm-1152’s activities 🦊 مِصر'))).toBe(
      'text=the%20scope%20of%20Storm%2D1152%E2%80%99s%20activities%20%F0%9F%A6%8A%20%D9%85%D9%90%D8%B5%D8%B1',
    );
  });

  it('collapses whitespace inside a term to single spaces', () => {
    expect(terms(textDirective(quote('  seized\u00a0domains \t and   social media accounts  ')))).toEqual({
      textStart: 'seized domains and social media accounts',
    });
  });

  it('does not fail on a lone surrogate', () => {
    expect(terms(textDirective(quote('broken \ud800 text in a long enough quote here')))).toEqual({
      textStart: 'broken \ufffd text in a long enough quote here',
    });
  });
});

describe('textDirective for long quotes', () => {
  it('names a long quote by its first and last four words', () => {
    expect(terms(textDirective(quote(LONG_SENTENCE)))).toEqual({
      textStart: 'Astonishingly, the group managed',
      textEnd: 'dollars in illicit revenue.',
    });
  });

  it('takes the start from the first block and the end from the last when a quote spans blocks', () => {
    const exact = 'ecosystem.\n      Microsoft’s criminal referral\n      Through meticulous investigation and confirmation';
    expect(terms(textDirective(quote(exact)))).toEqual({
      textStart: 'ecosystem.',
      textEnd: 'meticulous investigation and confirmation',
    });
  });

  it('keeps a long quote with too few words to split whole', () => {
    const token = `https://evil.example/${'a'.repeat(90)}`;
    expect(terms(textDirective(quote(token)))).toEqual({ textStart: token });
  });
});

describe('textDirective context', () => {
  it('adds whole words of context to a short quote, which may occur more than once', () => {
    expect(terms(textDirective(quote('Octo Tempest', 'th one noteworthy partner being ', '. Octo Tempest utilized social e')))).toEqual({
      prefix: 'noteworthy partner being',
      textStart: 'Octo Tempest',
      suffix: '. Octo Tempest utilized',
    });
  });

  it('never uses a word the 32-character context window cut off', () => {
    const prefix = 'tion of Storm-1152’s operations ';
    const suffix = ' Action and Seizure of Infra Act';
    expect([prefix.length, suffix.length]).toEqual([32, 32]);
    const directive = terms(textDirective(quote('Storm-1152', prefix, suffix)));
    expect(directive.prefix).toBe('of Storm-1152’s operations');
    expect(directive.suffix).toBe('Action and Seizure');
  });

  it('keeps a far-end word that whitespace shows is whole', () => {
    const whole = ' extraordinarily sophisticated, ';
    const cut = 'xextraordinarily sophisticated, ';
    expect([whole.length, cut.length]).toEqual([32, 32]);
    expect(terms(textDirective(quote('Storm-1152', whole))).prefix).toBe('extraordinarily sophisticated,');
    expect(terms(textDirective(quote('Storm-1152', cut))).prefix).toBe('sophisticated,');
  });

  it('keeps the first word of a context shorter than the window: it reaches the edge of the page', () => {
    expect(terms(textDirective(quote('Storm-1152', 'Seized: ', ' had')))).toMatchObject({ prefix: 'Seized:', suffix: 'had' });
    expect(terms(textDirective(quote('fraud', ' two large ', ' three ')))).toMatchObject({ prefix: 'two large', suffix: 'three' });
  });

  it('leaves context out of long quotes', () => {
    expect(terms(textDirective(quote(LONG_SENTENCE, 'eating fake Microsoft accounts. ', ' Microsoft’s Legal Action and Se')))).toEqual({
      textStart: 'Astonishingly, the group managed',
      textEnd: 'dollars in illicit revenue.',
    });
  });

  it('uses the context on the side where a quote starts or ends inside a word, however long the quote', () => {
    const exact = `orm-1152 ${LONG_SENTENCE.slice(0, -1)}`;
    const directive = terms(textDirective(quote(exact, 'actor known as St', '. Microsoft’s Legal')));
    expect(directive.prefix).toBe('known as St');
    expect(directive.suffix).toBeUndefined();
    expect(terms(textDirective(quote('Microsoft acco', 'fake ', 'unts. Astonishingly')))).toMatchObject({ suffix: 'unts. Astonishingly' });
  });

  it('drops a partial word from the quote when no whole-word context can make it findable', () => {
    const cut = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxSt'; // 32 characters, no whitespace: no word in it is known whole
    expect(terms(textDirective(quote('orm-1152 operations', cut)))).toEqual({ textStart: '-1152 operations' });
  });
});
