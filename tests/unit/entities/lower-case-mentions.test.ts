import { describe, expect, it } from 'vitest';
import { inProse, lowerCaseListedTool, lowerListedProgram, toolsRunAsPrograms } from '@/lib/entities/lower-case-mentions';
import type { SoftwareDictionary } from '@/lib/entities/software-dictionary';
import type { Span } from '@/lib/entities/group-entities';

/** The span of the first `name` in `text`, as the candidates give it. */
const spanOf = (text: string, name: string): Span => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, text: name, actorIds: [], softwareIds: [0], weak: false, lowerListed: false, dictionary: true };
};

describe('inProse', () => {
  it('is a word of a sentence, wherever punctuation closes it', () => {
    for (const text of ['It runs through socat.', 'It ran socat, then left.', '(socat)', '“socat” ran'])
      expect(inProse(text, spanOf(text, 'socat'))).toBe(true);
  });
  it('is no part of a path, an address, a file name or an identifier', () => {
    for (const text of ['/files/socat/x', 'see socat.zip', 'rule socat_strings', 'x-socat', 'a@socat', 'https://x.com/?q=socat'])
      expect(inProse(text, spanOf(text, 'socat'))).toBe(false);
  });
});

describe('lowerCaseListedTool', () => {
  const lists = (kind: 'tool' | 'malware') => ({ software: [{ kind }] }) as unknown as SoftwareDictionary;
  it('is a listed tool written in lower case, as administrators write programs: "tunnels with plink"', () => {
    const text = 'They built tunnels with plink to the server.';
    expect(lowerCaseListedTool(text, spanOf(text, 'plink'), lists('tool'))).toBe(true);
  });
  it('is not a family, an ordinary word, a name a group list has, or a name before the artefact it names', () => {
    const text = 'They built tunnels with plink to the server.';
    expect(lowerCaseListedTool(text, spanOf(text, 'plink'), lists('malware'))).toBe(false);
    expect(lowerCaseListedTool(text, { ...spanOf(text, 'plink'), weak: true }, lists('tool'))).toBe(false);
    expect(lowerCaseListedTool(text, { ...spanOf(text, 'plink'), actorIds: [3] }, lists('tool'))).toBe(false);
    for (const script of ['an nmap script', 'the nmap exploit', 'its nmap modules'])
      expect(lowerCaseListedTool(script, spanOf(script, 'nmap'), lists('tool'))).toBe(false);
  });
});

describe('lowerListedProgram', () => {
  const lists = (kind: 'tool' | 'malware', aliases: string[] = []) => ({ software: [{ kind, aliases }] }) as unknown as SoftwareDictionary;
  const lowerListed = (text: string, name: string, weak = false): Span => ({ ...spanOf(text, name), lowerListed: true, weak });
  it('is a tool the lists name only in lower case, as its makers write it: "tunneled through ngrok"', () => {
    const text = 'The C2 panel was tunneled through ngrok.';
    expect(lowerListedProgram(text, lowerListed(text, 'ngrok'), lists('tool'))).toBe(true);
  });
  it('is not a family, an ordinary word, a Windows command the lists also name by its .exe, or a name in a path', () => {
    const text = 'The C2 panel was tunneled through ngrok.';
    expect(lowerListedProgram(text, lowerListed(text, 'ngrok'), lists('malware'))).toBe(false);
    expect(lowerListedProgram(text, lowerListed(text, 'ngrok', true), lists('tool'))).toBe(false);
    const command = 'They ran schtasks to persist.';
    expect(lowerListedProgram(command, lowerListed(command, 'schtasks'), lists('tool', ['schtasks.exe']))).toBe(false);
    const path = 'fetched from /opt/ngrok/bin';
    expect(lowerListedProgram(path, lowerListed(path, 'ngrok'), lists('tool'))).toBe(false);
    const artefact = 'an sqlmap script ran';
    expect(lowerListedProgram(artefact, lowerListed(artefact, 'sqlmap'), lists('tool'))).toBe(false);
  });
});

describe('toolsRunAsPrograms', () => {
  it('gives the stems of the listed tools the text names by their program file: "chisel.exe" → "chisel"', () => {
    const text = 'They deployed chisel as a tunnel: chisel.exe client 10.0.0.1:443, then Chisel.EXE again';
    const program = (at: number, name: string): Span => ({
      ...spanOf(text.slice(at), name),
      start: at,
      end: at + name.length,
      executable: true,
    });
    expect([...toolsRunAsPrograms([program(34, 'chisel.exe'), program(text.lastIndexOf('Chisel'), 'Chisel.EXE')])]).toEqual(['chisel']);
    // A mention that is no program file gives nothing.
    expect([...toolsRunAsPrograms([spanOf(text, 'chisel')])]).toEqual([]);
  });
});
