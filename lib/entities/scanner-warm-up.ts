import type { EntityScanner } from './scan-entities';

/**
 * A short threat brief that gives every finder something to find: actors by list, scheme and cue, malware
 * and tools by list and cue, a technique row, an abbreviation, organisations, places, a CVE and indicators.
 *
 * A fresh scanner's first scan compiles the finders' code and regular expressions, which costs several
 * times the scan itself. A one-sentence warm-up left most of that to the first article: the sample
 * article's first scan took 35 ms after it and 9 ms after this brief, for the same 75–80 ms of warm-up
 * (`npm run bench -- --suite entities`, README *Entities in a cold popup*). No page's text is in it.
 */
export const SCANNER_WARM_UP_TEXT = `Threat brief: a new loader and the crews behind it
  Researchers at Mandiant and Microsoft Threat Intelligence track the intrusion set as UNC3944, also known as Scattered Spider and Octo Tempest; Proofpoint tracks a related cluster as TA505. A smaller collective, which calls itself Velvet Harbor, emerged in 2023 and works with FIN7 and APT29.
  The group’s operators sent spear phishing emails (T1566.001 Spearphishing Attachment) to staff at the Ministry of Foreign Affairs in Germany and at Acme Logistics Inc. in Brazil, exploited CVE-2023-4966 in Citrix NetScaler, and ran a Ransomware-as-a-Service (RaaS) program.
  Its new backdoor, dubbed GreyFinch, is a .NET DLL loader that drops the Cobalt Strike beacon and the QakBot malware; the attackers then used tools such as Mimikatz, PsExec, AdFind and AnyDesk, and exfiltrated data with rclone.
  | T1059.001 | PowerShell | The actor runs encoded commands. |
  According to the FBI and Europol, an administrator known as "darkfox" sold access on the XSS forum.
  Indicators: hxxps://update-check[.]example[.]net/gate.php, 198.51.100.23, 44d88612fea8a8f36de82e1278abb02f, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.
`;

/** Runs the scanner once over the warm-up brief, so that the first page's scan does not pay for compiling it. */
export function warmUpScanner(scanner: EntityScanner): void {
  scanner.findEntities(SCANNER_WARM_UP_TEXT);
}
