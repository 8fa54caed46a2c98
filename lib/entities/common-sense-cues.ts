/**
 * Cues that a threat name is used in its common sense: "Lazarus, the BBC drama", "Turla, a Russian pop
 * band", "Sandworm, the 2019 book by Andy Greenberg", "Hydra, the Russian-language darknet marketplace". An
 * apposition right after the name says what it is, and a work, a band, a charity, a market or a vehicle is no threat
 * actor nor malware. Unlike a company noun (`company-cues.ts`), these apply to listed names too: nobody calls a gang
 * "the BBC drama".
 *
 * Anchored regex tests on a short slice after the mention (linear).
 */

import { appositionTest, SP } from './apposition';

/** Words that start a relative clause or name a threat: what follows them is not what the name is. */
const NOT_DESCRIBING = String.raw`(?:that|which|who|whose|by|of|for|from|used|with|to|and|or|in|on|at|group|gang|crew|actor|malware|ransomware)`;
const COMMON_SENSE_NOUN = String.raw`(?:drama|series|sitcom|show|film|movie|documentary|novel|book|memoir|band|singer|rapper|musician|album|song|opera|musical|video${SP}game|game|board${SP}game|charity|foundation|non-?profit|festival|(?:darknet${SP}|darkweb${SP}|dark${SP}web${SP})?(?:marketplace|market|forum)|racehorse|football${SP}club|restaurant|brewery|magazine|newspaper|podcast|character|superhero|perfume|missile|rocket|satellite|warship|submarine|aircraft|dinosaur|species|asteroid|comet)`;

/**
 * The same things named by a noun right after the name: "the Sidewinder missile", "Lotus Blossom tea", "the
 * Carbanak movie". Only nouns no report puts after a gang or a family ("series", "show" and "game" can:
 * "the Sandworm series of attacks").
 */
const NOUN_AFTER = new RegExp(
  String.raw`^[”"'’*_]*${SP}(?:drama|sitcom|film|movie|documentary|novel|memoir|album|song|opera|musical|racehorse|restaurant|brewery|perfume|missile|rocket|warship|submarine|aircraft|dinosaur|tea|coffee|beer|wine|cocktail)s?\b`,
  'i',
);

/**
 * A product named by its flaws or by what it is: "the exploitation of Zimbra vulnerabilities", "a Zimbra flaw", "a
 * vulnerable Zimbra mail server", "Zimbra Collaboration Suite". A list holds a ransomware called Zimbra; a report that
 * speaks of the name's vulnerabilities or its mail server means the mail server.
 */
const PRODUCT_AFTER = new RegExp(
  String.raw`^[”"'’*_]*${SP}(?:vulnerabilit(?:y|ies)|flaws?|zero-days?|0-days?|(?:e-?mail|mail|web|file)${SP}servers?|collaboration${SP}suite|appliances?)\b`,
  'i',
);

const inApposition = appositionTest(COMMON_SENSE_NOUN, NOT_DESCRIBING);

/**
 * Whether the words right after a mention that ends at `end` describe it as something other than a threat:
 * ", the BBC drama", ", a Russian pop band", " (a 2019 book)", " missile", " vulnerabilities".
 */
export function commonSenseCue(text: string, end: number): boolean {
  const after = text.slice(end, end + 40);
  return NOUN_AFTER.test(after) || PRODUCT_AFTER.test(after) || inApposition(text, end);
}
