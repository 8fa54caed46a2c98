import { describe, expect, it } from 'vitest';
// The forms indicators take, whatever the text around them; which ones the text presents as indicators: indicator-context.test.ts.
import { isIpv6 } from '@/lib/entities/address-and-hash-indicators';
import { findIndicatorValues as findIndicators } from '@/lib/entities/indicators';
import type { IndicatorType } from '@/lib/entities/types';

/** `[type, canonical]` of every indicator, in order of first mention. */
const found = (text: string) => findIndicators(text).map((e) => [e.indicatorType, e.canonical]);
const ofType = (text: string, type: IndicatorType) =>
  findIndicators(text)
    .filter((e) => e.indicatorType === type)
    .map((e) => e.canonical);

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('the entity shape', () => {
  const text = 'C2 at hxxp://bad[.]site/x, then 10.0.0.1 and evil[.]com; 10.0.0.1 again.';
  const entities = findIndicators(text);

  it('is one indicator entity per distinct refanged value, in order of first mention', () => {
    expect(entities.map((e) => [e.kind, e.indicatorType, e.name, e.canonical, e.aliases])).toEqual([
      ['indicator', 'url', 'http://bad.site/x', 'http://bad.site/x', []],
      ['indicator', 'ipv4', '10.0.0.1', '10.0.0.1', []],
      ['indicator', 'domain', 'evil.com', 'evil.com', []],
    ]);
  });
  it('keeps every mention as written, with exact UTF-16 offsets, in text order', () => {
    expect(entities.map((e) => e.mentions)).toEqual([
      [{ start: 6, end: 25, text: 'hxxp://bad[.]site/x' }],
      [
        { start: 32, end: 40, text: '10.0.0.1' },
        { start: 57, end: 65, text: '10.0.0.1' },
      ],
      [{ start: 45, end: 55, text: 'evil[.]com' }],
    ]);
  });
  it('counts offsets in UTF-16 code units after astral characters', () => {
    const emoji = '😀 evil[.]com';
    const [entity] = findIndicators(emoji);
    expect(entity.mentions).toEqual([{ start: 3, end: 13, text: 'evil[.]com' }]);
  });
  it('finds nothing in text without indicators', () => {
    expect(findIndicators('The actor sent phishing e-mails in 2023, e.g. to banks.')).toEqual([]);
  });
});

describe('IPv4 addresses', () => {
  it('are four octets from 0 to 255', () => {
    expect(ofType('hosts 8.8.8.8, 192.168.0.1 and 0.0.0.0 and 255.255.255.255', 'ipv4')).toEqual([
      '8.8.8.8',
      '192.168.0.1',
      '0.0.0.0',
      '255.255.255.255',
    ]);
  });
  it('are found before a port, a CIDR suffix or a sentence end', () => {
    expect(ofType('1.2.3.4:8080, 10.0.0.0/8 and finally 5.6.7.8.', 'ipv4')).toEqual(['1.2.3.4', '10.0.0.0', '5.6.7.8']);
  });
  it('are found at both ends of a range', () => {
    expect(ofType('10.0.0.1-10.0.0.254', 'ipv4')).toEqual(['10.0.0.1', '10.0.0.254']);
  });
  it('reject octets above 255 and leading zeros', () => {
    expect(ofType('256.1.1.1 1.2.3.999 01.02.03.04 192.168.001.1', 'ipv4')).toEqual([]);
  });
  it('are not part of a longer dotted number or version', () => {
    expect(ofType('1.2.3.4.5, 10.0.0.1.2 and 1.1.1.1.1.1', 'ipv4')).toEqual([]);
    expect(ofType('3.14 and 1.2.3 and 2024.01.15', 'ipv4')).toEqual([]);
  });
  it('are not a version number after "version", "v" or "build"', () => {
    expect(ofType('version 1.2.3.4, v1.2.3.4, v 2.0.0.1, build 10.0.0.1, Version: 4.3.2.1, Version: "1.3.0.0"', 'ipv4')).toEqual([]);
  });
  it('are not glued to letters', () => {
    expect(ofType('x1.2.3.4 1.2.3.4x', 'ipv4')).toEqual([]);
  });
  it('may be defanged and are reported refanged', () => {
    const [ip] = findIndicators('beacon to 1.2.3[.]4 and 5[.]6[.]7[.]8');
    expect(ip).toMatchObject({ canonical: '1.2.3.4', mentions: [{ start: 10, end: 19, text: '1.2.3[.]4' }] });
    expect(ofType('beacon to 1.2.3[.]4 and 5[.]6[.]7[.]8', 'ipv4')).toEqual(['1.2.3.4', '5.6.7.8']);
  });
});

describe('IPv6 addresses', () => {
  it('accept full, compressed and IPv4-tailed forms', () => {
    expect(ofType('2001:0db8:85a3:0000:0000:8a2e:0370:7334, 2001:db8::1, fe80::1, ::1 and ::ffff:192.0.2.1', 'ipv6')).toEqual([
      '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
      '2001:db8::1',
      'fe80::1',
      '::1',
      '::ffff:192.0.2.1',
    ]);
  });
  it('are reported as written, lower-cased', () => {
    expect(ofType('2001:DB8::ABCD', 'ipv6')).toEqual(['2001:db8::abcd']);
  });
  it('own an IPv4 tail rather than sharing it with an IPv4 address', () => {
    expect(found('::ffff:192.0.2.1')).toEqual([['ipv6', '::ffff:192.0.2.1']]);
  });
  it('end before a zone, a bracket and port, or a colon ending the clause', () => {
    expect(ofType('fe80::1%eth0 [2001:db8::2]:443 at 2001:db8::3: then', 'ipv6')).toEqual(['fe80::1', '2001:db8::2', '2001:db8::3']);
  });
  it('are not times, ratios, MAC addresses or scoped names in code', () => {
    expect(ofType('at 12:30, 12:30:45, 3:2, 00:1a:2b:3c:4d:5e, std::vector, Foo::Bar, dead::beef and a::b', 'ipv6')).toEqual([]);
  });
  it('are not plain hex words or malformed groups', () => {
    expect(ofType('cafe babe, 1:2:3:4:5:6:7:8:9, 2001:db8:::1, 12345::1, 1::2::3', 'ipv6')).toEqual([]);
  });
  it('follow RFC 4291: eight groups, or fewer with one ::', () => {
    expect([isIpv6('1:2:3:4:5:6:7:8'), isIpv6('1:2:3:4:5:6:7'), isIpv6('1::8'), isIpv6('1:2:3:4:5:6:7::8')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect([isIpv6('::ffff:1.2.3.4'), isIpv6('1:2:3:4:5:6:1.2.3.4'), isIpv6('::ffff:1.2.3.256'), isIpv6('::')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('domains', () => {
  it('end in a real top-level domain', () => {
    expect(ofType('microsoft.com, sub.domain.co.uk, evil.xyz, bad.top, x.onion, t.co and host.xn--p1ai', 'domain')).toEqual([
      'microsoft.com',
      'sub.domain.co.uk',
      'evil.xyz',
      'bad.top',
      'x.onion',
      't.co',
      'host.xn--p1ai',
    ]);
  });
  it('are reported lower-case', () => {
    expect(ofType('See Microsoft.com and WWW.Example.com', 'domain')).toEqual(['microsoft.com', 'www.example.com']);
  });
  it('are not file names, whose extensions are not top-level domains', () => {
    expect(ofType('report.pdf svchost.exe payload.dll script.js config.json notes.txt run.bat', 'domain')).toEqual([]);
  });
  it('are not bare names in TLDs that are mostly file extensions or code words (.zip, .mov, .sh, .py, .app, …)', () => {
    expect(
      ofType('invoice.zip clip.mov install.sh exploit.py shell.pl README.md Installer.app notes.one response.data Date.now', 'domain'),
    ).toEqual([]);
  });
  it('in those TLDs count when defanged, under www. or below a generic second level', () => {
    expect(ofType('evil[.]zip, www.evil.mov, gov.pl and cert.gov.pl', 'domain')).toEqual([
      'evil.zip',
      'www.evil.mov',
      'gov.pl',
      'cert.gov.pl',
    ]);
  });
  it('are not abbreviations like e.g. and i.e.', () => {
    expect(ofType('e.g. i.e. a.k.a. U.S. e.g.it i.e.at', 'domain')).toEqual([]);
  });
  it('drop leading abbreviation letters glued to a domain', () => {
    expect(ofType('e.g.evil.com', 'domain')).toEqual(['evil.com']);
  });
  it('need a lower-case top-level label unless defanged (ASP.NET, U.S.Army and run-on sentences are not domains)', () => {
    expect(ofType('ASP.NET VB.NET U.S.Army the attack.It was', 'domain')).toEqual([]);
    expect(ofType('EVIL[.]COM', 'domain')).toEqual(['evil.com']);
  });
  it('lose a capitalised word glued on by a missing space', () => {
    expect(ofType('evil.com.The next step', 'domain')).toEqual(['evil.com']);
  });
  it('are not path components, method calls or the local part of an address', () => {
    expect(ofType('/tmp/evil.com C:\\Users\\x\\evil.com window.open( first.name@', 'domain')).toEqual([]);
  });
  it('are not glued to other letters, digits or underscores', () => {
    expect(ofType('my_script.com évil.com evil.comé', 'domain')).toEqual([]);
  });
  it('do not take in the hex pair of a percent-escape before them', () => {
    expect(ofType('out?continue=https%3A%2F%2Falotile[.]biz%2FDocument0920', 'domain')).toEqual(['alotile.biz']);
  });
  it('allow underscores in service labels only', () => {
    expect(ofType('_dmarc.example.com', 'domain')).toEqual(['_dmarc.example.com']);
  });
  it('reject malformed labels', () => {
    expect(ofType('-evil.com evil-.com a..com', 'domain')).toEqual([]);
  });
  it('may be defanged in every common way and are reported refanged', () => {
    expect(ofType('evil[.]com bad(.)net x{.}org y[dot]ru z(dot)cn w [.] info', 'domain')).toEqual([
      'evil.com',
      'bad.net',
      'x.org',
      'y.ru',
      'z.cn',
      'w.info',
    ]);
  });
  it('are found after an ellipsis and before sentence punctuation', () => {
    expect(ofType('…see evil.com. Or...bad.net!', 'domain')).toEqual(['evil.com', 'bad.net']);
  });
  it('are not a person\'s handle in quotes, even on a page of indicators: "another user, “lucas.dev”"', () => {
    const report = 'C2: 45.77.12.9 and evil.com. Another user, "lucas.dev", offered hosting; a seller known as “dark.market” too.';
    expect(ofType(report, 'domain')).toEqual(['evil.com']);
    // Defanged, it is an indicator whatever the words before it.
    expect(ofType('The user "lucas[.]dev" beaconed to C2.', 'domain')).toEqual(['lucas.dev']);
    // Without quotes it may be the account's domain: kept.
    expect(ofType('C2: 45.77.12.9. The account lucas.dev hosted the payload.', 'domain')).toEqual(['lucas.dev']);
  });
});

describe('URLs', () => {
  it('have an http, https or ftp scheme and a host', () => {
    expect(ofType('http://a.com/x https://b.org/y?z=1#f ftp://files.example.net/pub http:// and mailto:a@b.com', 'url')).toEqual([
      'http://a.com/x',
      'https://b.org/y?z=1#f',
      'ftp://files.example.net/pub',
    ]);
  });
  it('may have a defanged scheme, separator or dots, and are reported refanged', () => {
    const text = 'hxxp://bad[.]site/x hXXps[://]evil[.]com/a fxp://drop[.]zone/f';
    expect(ofType(text, 'url')).toEqual(['http://bad.site/x', 'https://evil.com/a', 'ftp://drop.zone/f']);
    expect(findIndicators(text)[0].mentions).toEqual([{ start: 0, end: 19, text: 'hxxp://bad[.]site/x' }]);
  });
  it('do not include trailing sentence punctuation or closing brackets', () => {
    expect(ofType('(see https://a.com/x). Visit http://b.com/y, then "http://c.com/z"; [http://d.com]', 'url')).toEqual([
      'https://a.com/x',
      'http://b.com/y',
      'http://c.com/z',
      'http://d.com',
    ]);
  });
  it('stop at the first closing bracket they did not open (Markdown links)', () => {
    expect(ofType('[a cipher](https://en.wikipedia.org/wiki/Book_cipher)*using', 'url')).toEqual([
      'https://en.wikipedia.org/wiki/Book_cipher',
    ]);
  });
  it('keep brackets that are balanced inside them', () => {
    expect(ofType('https://en.wikipedia.org/wiki/Foo_(bar).', 'url')).toEqual(['https://en.wikipedia.org/wiki/Foo_(bar)']);
  });
  it('stop at typographic quotes and angle brackets', () => {
    expect(ofType('“https://a.com/x” <http://b.com/y>', 'url')).toEqual(['https://a.com/x', 'http://b.com/y']);
  });
  it('accept IP hosts, ports and user info, lower-casing scheme and host only', () => {
    expect(ofType('HTTP://User@Evil.COM:8080/Path http://1.2.3.4/a http://[2001:db8::1]:80/', 'url')).toEqual([
      'http://User@evil.com:8080/Path',
      'http://1.2.3.4/a',
      'http://[2001:db8::1]:80/',
    ]);
  });
  it('own the domains, addresses and hashes inside them', () => {
    const text = `http://evil.com/a https://1.2.3.4/b https://www.virustotal.com/gui/file/${SHA256}`;
    expect(found(text).map(([type]) => type)).toEqual(['url', 'url', 'url']);
  });
});

describe('e-mail addresses', () => {
  it('are a local part, @ and a domain with a real TLD, the domain lower-cased', () => {
    expect(ofType('mail John.Smith@Example.COM or a+b@c.co.uk; not x@y or x@y.notatld', 'email')).toEqual([
      'John.Smith@example.com',
      'a+b@c.co.uk',
    ]);
  });
  it('may be defanged and are reported refanged', () => {
    const [entity] = findIndicators('Contact: user[at]mail[.]ru.');
    expect(entity).toMatchObject({ indicatorType: 'email', canonical: 'user@mail.ru' });
    expect(entity.mentions).toEqual([{ start: 9, end: 26, text: 'user[at]mail[.]ru' }]);
    expect(ofType('a(at)b[.]com c[@]d[.]org', 'email')).toEqual(['a@b.com', 'c@d.org']);
  });
  it('own the domain after @, which is not reported on its own', () => {
    expect(found('phish@evil.com')).toEqual([['email', 'phish@evil.com']]);
  });
  it('in zip-like TLDs count (the address vouches for the domain)', () => {
    expect(ofType('hr@payroll.zip', 'email')).toEqual(['hr@payroll.zip']);
  });
  it('are not reported cut short after a backslash', () => {
    expect(ofType('consulate\\_ksa\\_emb@gmail[.]com', 'email')).toEqual([]);
  });
  it('reject dots at the ends of the local part', () => {
    expect(ofType('.a@b.com a.@b.com a..b@c.com', 'email')).toEqual([]);
  });
});

describe('hashes', () => {
  it('are exactly 32, 40 or 64 hex digits: MD5, SHA-1, SHA-256', () => {
    expect(found(`${MD5} ${SHA1} ${SHA256}`)).toEqual([
      ['md5', MD5],
      ['sha1', SHA1],
      ['sha256', SHA256],
    ]);
  });
  it('are reported lower-case', () => {
    expect(ofType(MD5.toUpperCase(), 'md5')).toEqual([MD5]);
  });
  it('are not 31- or 33-digit runs', () => {
    expect(found(`${MD5.slice(1)} ${MD5}a`)).toEqual([]);
  });
  it('are never a slice of a longer hex run (a SHA-256 is not an MD5)', () => {
    expect(found(SHA256)).toEqual([['sha256', SHA256]]);
    expect(found(`${SHA256}${MD5}`)).toEqual([]);
  });
  it('need at least one digit and one letter a-f', () => {
    expect(found(`${'1'.repeat(32)} ${'a'.repeat(32)} ${'deadbeef'.repeat(4)}`)).toEqual([]);
  });
  it('are not GUIDs, CSS colours, git short SHAs or 0x numbers', () => {
    expect(found('550e8400-e29b-41d4-a716-446655440000 #ff00aa 3f2a9c1 0x' + MD5)).toEqual([]);
  });
  it('are not glued to letters or underscores', () => {
    expect(found(`g${MD5} ${MD5}_x`)).toEqual([]);
  });
  it('are found in hash-named files and after a label', () => {
    expect(found(`${MD5}.exe sha256:${SHA256}`)).toEqual([
      ['md5', MD5],
      ['sha256', SHA256],
    ]);
  });
});

describe('overlaps between indicators', () => {
  it('give the longer span: a URL owns its host, an e-mail address its domain', () => {
    expect(found('https://evil.com/x and ops@evil.com and evil.com')).toEqual([
      ['url', 'https://evil.com/x'],
      ['email', 'ops@evil.com'],
      ['domain', 'evil.com'],
    ]);
  });
  it('give a domain made of a hash to the domain', () => {
    expect(found(`${MD5}.com`)).toEqual([['domain', `${MD5}.com`]]);
  });
});

describe('performance', () => {
  it('scans a megabyte of indicator-dense text in well under a few seconds', () => {
    const chunk = `Seen hxxp://bad[.]site/x?id=7, evil[.]com, 10.0.0.1, 2001:db8::1, a@b.com and ${SHA256}. `;
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const started = performance.now();
    const entities = findIndicators(text);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(entities.map((e) => e.indicatorType)).toEqual(['url', 'domain', 'ipv4', 'ipv6', 'email', 'sha256']);
  });
  it('does not backtrack badly on long runs without indicators', () => {
    const runs = ['a-'.repeat(200_000), 'a1'.repeat(200_000), 'ab12:'.repeat(80_000), 'a.'.repeat(200_000), '1.'.repeat(200_000)];
    const started = performance.now();
    for (const run of runs) expect(findIndicators(run)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
