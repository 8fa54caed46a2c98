import { describe, expect, it } from 'vitest';
import { isDefanged, refang, refangScheme, refangText } from '@/lib/entities/defang';

describe('refangScheme', () => {
  it('turns hxxp, hXXp and hxxps into http and https', () => {
    expect(['hxxp', 'hXXp', 'HXXP', 'hxxps', 'hXXps'].map(refangScheme)).toEqual(['http', 'http', 'http', 'https', 'https']);
  });
  it('turns fxp into ftp', () => {
    expect(refangScheme('fxp')).toBe('ftp');
  });
  it('leaves a real scheme as it is, lower-cased', () => {
    expect(refangScheme('HTTPS')).toBe('https');
  });
});

describe('refang', () => {
  it('undoes defanged schemes only where a scheme separator follows', () => {
    expect(refang('hxxp://bad.site hXXps://x.org fxp://files.example')).toBe('http://bad.site https://x.org ftp://files.example');
    expect(refang('the hxxp prefix')).toBe('the hxxp prefix');
  });
  it('undoes bracketed scheme separators and slashes', () => {
    expect(refang('hxxps[://]evil.com')).toBe('https://evil.com');
    expect(refang('hxxp[:]//evil.com[/]a')).toBe('http://evil.com/a');
    expect(refang('1.2.3.4[:]8080')).toBe('1.2.3.4:8080');
  });
  it('turns every bracketed dot into a dot', () => {
    expect(refang('a[.]com b(.)com c{.}com d[dot]com e(dot)com f{dot}com g[DOT]com')).toBe('a.com b.com c.com d.com e.com f.com g.com');
  });
  it('takes the spaces around square and curly bracketed dots with them', () => {
    expect(refang('evil [.] com and evil {dot} net')).toBe('evil.com and evil.net');
  });
  it('turns every bracketed at sign into @', () => {
    expect(refang('a[at]x.ru b(at)x.ru c[@]x.ru d{at}x.ru e [AT] x.ru')).toBe('a@x.ru b@x.ru c@x.ru d@x.ru e@x.ru');
  });
  it('leaves brackets in prose alone: marks need a letter or digit on both sides', () => {
    const prose = 'Austria (AT) and France; a footnote [.], a list that ends (.) here; (at) noon';
    expect(refang(prose)).toBe(prose);
  });
  it('does not join words across spaces around parenthesised marks', () => {
    expect(refang('user (at) example (dot) com')).toBe('user (at) example (dot) com');
  });
  it('leaves mismatched brackets alone', () => {
    expect(refang('a[.)b a(.]b')).toBe('a[.)b a(.]b');
  });
});

describe('isDefanged', () => {
  it('tells defanged text from plain text', () => {
    expect(isDefanged('evil[.]com')).toBe(true);
    expect(isDefanged('evil.com')).toBe(false);
  });
});

describe('refangText offsets', () => {
  const original = 'see hxxp://bad[.]site/x and user [at] mail[.]ru.';
  const r = refangText(original);

  it('gives the refanged text', () => {
    expect(r.text).toBe('see http://bad.site/x and user@mail.ru.');
  });
  it('maps a refanged span back to the original characters it came from', () => {
    const url = r.text.indexOf('http://bad.site/x');
    const urlEnd = url + 'http://bad.site/x'.length;
    expect(original.slice(r.toOriginal(url), r.toOriginalEnd(urlEnd))).toBe('hxxp://bad[.]site/x');
    const mail = r.text.indexOf('user@mail.ru');
    expect(original.slice(r.toOriginal(mail), r.toOriginalEnd(mail + 'user@mail.ru'.length))).toBe('user [at] mail[.]ru');
  });
  it('maps offsets outside any defanged form by their shift', () => {
    expect(r.toOriginal(0)).toBe(0);
    expect(r.toOriginal(r.text.length)).toBe(original.length);
    expect(r.toOriginalEnd(r.text.length)).toBe(original.length);
  });
  it('maps an end just before a replacement to the text before it', () => {
    const dot = r.text.indexOf('.site');
    expect(r.toOriginalEnd(dot)).toBe(original.indexOf('[.]site'));
  });
  it('says which spans touch a defanged form', () => {
    expect(r.wasDefanged(r.text.indexOf('bad'), r.text.indexOf('bad') + 3)).toBe(false);
    expect(r.wasDefanged(r.text.indexOf('bad'), r.text.indexOf('/x'))).toBe(true);
    expect(r.wasDefanged(0, 3)).toBe(false);
  });
  it('is the identity on text with nothing defanged', () => {
    const plain = refangText('nothing to see at example.com');
    expect(plain.text).toBe('nothing to see at example.com');
    expect([plain.toOriginal(5), plain.toOriginalEnd(9), plain.wasDefanged(0, 29)]).toEqual([5, 9, false]);
  });
});
