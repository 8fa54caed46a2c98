import { describe, expect, it } from 'vitest';
import { calledTool, findCuedTools } from '@/lib/entities/tool-cues';

const cued = (text: string) => findCuedTools(text).map((c) => c.text);
const at = (text: string, name: string) => calledTool(text, text.indexOf(name), text.indexOf(name) + name.length);

describe('tool cues', () => {
  it('proposes the name before a tool noun in the singular: "the Socat tool", "CyaX packer", "XMRig miner"', () => {
    expect(cued('It fetched the Socat tool and the CyaX packer, then the XMRig miner.')).toEqual(['Socat', 'CyaX', 'XMRig']);
    expect(cued('a Zlib library call')).toEqual(['Zlib']);
  });
  it('proposes the name given to a tool: "a packer dubbed X", "a builder known in the underground as X"', () => {
    expect(cued('another packer that ThreatLabZ has dubbed BMPack.')).toContain('BMPack');
    expect(cued('a malicious document builder, known in the underground as “EtterSilent,” that')).toContain('EtterSilent');
    expect(cued('a Go-based exfiltration tool, which the operators call SiphonKit.')).toContain('SiphonKit');
    expect(cued('a tool we call SiphonKit')).toContain('SiphonKit');
    expect(cued('a custom tool Intel 471 refers to as Gleaner.')).toContain('Gleaner');
    expect(at('an exfiltration tool, which the operators call SiphonKit.', 'SiphonKit')).toBe(true);
  });
  it('keeps a name a naming verb gives where the text also uses the word ("a tool we named Drawknife", "a drawknife is a blade")', () => {
    expect(cued('an exfiltration tool we named Drawknife. Like its namesake, a drawknife is a blade, Drawknife is blunt.')).toEqual([
      'Drawknife',
    ]);
    // Without the verb, the lower-case word says it is an ordinary one.
    expect(cued('the Drawknife tool; a drawknife is a blade')).toEqual([]);
  });
  it('proposes a name before a described tool or framework, and "X is a … tool"', () => {
    expect(cued('TA551 uses ‘SLIVER’ Red Team Tool in new activity')).toContain('SLIVER');
    expect(cued('the Havoc post-exploitation framework')).toContain('Havoc');
    expect(cued('**VenomKit.** VenomKit is a tool that threat actors can use')).toContain('VenomKit');
    expect(cued('instructions for MHDDoS, an open-source DDoS tool hosted on GitHub')).toEqual(['MHDDoS']);
    expect(cued('they executed Grixba, a custom .NET information-gathering tool')).toEqual(['Grixba']);
  });
  it('does not propose vendors or categories before "tools", frameworks of rules, or ordinary words', () => {
    expect(cued('VMware tools and DDoS tools were installed.')).toEqual([]);
    // A kind of attack or of defence by its abbreviation: "a DDoS tool", "an EDR tool".
    expect(cued('They used a DDoS tool and then an EDR tool.')).toEqual([]);
    expect(cued('WinRAR – Archiving tool that compresses files; a Tunneling tool')).toEqual([]);
    expect(cued('the TIBER-EU framework for red teaming')).toEqual([]);
    expect(cued('The ATT&CK framework and the Windows tool')).toEqual([]);
    // A plain capitalised word the text also writes in lower case is an ordinary word.
    expect(cued('The Remote tool connects; remote hosts answer.')).toEqual([]);
    // A utility that owns things or serves customers is the power company.
    expect(cued("a Bavarian utility's customer portal; a Hessian utility company; the Foozle utility")).toEqual(['Foozle']);
  });
  it('does not read the tool noun of an ATT&CK technique\'s name: "Ingress Tool Transfer", "Dynamic-link Library Injection"', () => {
    const table = '| T1105 | Ingress Tool Transfer |\n| T1570 | Lateral Tool Transfer |\n| T1055.001 | Dynamic-link Library Injection |';
    expect(cued(`${table}\nLateral Movement: Ingress points were scanned.`)).toEqual([]);
    expect(cued('the Ingress tool transfers files')).toEqual(['Ingress']);
    expect(cued('an executable and a Dynamic-Link Library (DLL) named blacksoulLib')).toEqual([]);
  });
  it('takes no plain word that ends a longer capitalised phrase: "Cobalt Strike is a … tool", "Support Diagnostic Tool"', () => {
    expect(cued('Cobalt Strike is a legitimate security tool.')).toEqual([]);
    expect(cued('Key findings\nCobalt Strike is a legitimate security tool.')).toEqual([]);
    expect(cued('It abused the Microsoft Windows Support Diagnostic Tool.')).toEqual([]);
    expect(cued('injected into an instance of a legitimate .NET Framework utility')).toEqual([]);
    // A stop word before the name is no phrase; a name shaped as no word is a name after anything.
    expect(cued('The Socat tool, then the Nirsoft WebBrowserPassView tool.')).toEqual(['Socat', 'WebBrowserPassView']);
    // A category's abbreviation is no tool.
    expect(cued('a remote monitoring and management (RMM) tool, then another RMM tool')).toEqual([]);
  });
  it('reads a tool cue right at a mention: after, before, and "X is a … tool"', () => {
    expect(at('the Socat tool', 'Socat')).toBe(true);
    expect(at('tools such as Rclone and', 'Rclone')).toBe(true);
    expect(at('the utility “Certutil” decodes', 'Certutil')).toBe(true);
    expect(at('Sliver is an open-source red team framework.', 'Sliver')).toBe(true);
    expect(at('EtterSilent: the underground’s new favorite maldoc builder', 'EtterSilent')).toBe(true);
    expect(at('tools such as Cobalt Strike, Mimikatz and Meterpreter, which', 'Meterpreter')).toBe(true);
    expect(at('post-exploitation tools such as Cobalt Strike and Meterpreter', 'Meterpreter')).toBe(true);
    expect(at('Foo is a backdoor used by the tool', 'Foo')).toBe(false);
    expect(at('Foo deployed a tool', 'Foo')).toBe(false);
  });
});
