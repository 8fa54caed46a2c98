/**
 * Cues that a name a group cue proposed is a company's: "the Carlyle Group, the private equity firm",
 * "Adecco Group, a Swiss staffing company". Victims and bystanders named "the X Group" are common in
 * threat reports, and "the X Group" is also how a report introduces a gang, so the words in apposition
 * decide: a company noun there, with at most three words before it, says a firm. Not "operator" or
 * "provider" alone ("X, the ransomware operator"): those are also a gang's.
 *
 * One anchored regex test on a short slice after the mention (linear).
 */

import { appositionTest, SP } from './apposition';

/** Words that start a relative clause or name a gang: "X, a gang that targets banks" is no bank. */
const NOT_DESCRIBING = String.raw`(?:that|which|who|whose|targeting|targets|attacking|group|gang|crew|actor)`;
const COMPANY_NOUN = String.raw`(?:company|companies|firm|conglomerate|corporation|retailer|insurer|bank|manufacturer|maker|carmaker|chipmaker|automaker|airline|utility|brewer|multinational|giant|chain|investor|fund|asset${SP}manager|hospital${SP}group|media${SP}group|holding)`;

/**
 * Whether the words right after a mention that ends at `end` describe it as a company: ", the private equity
 * firm", ", a Swiss staffing company", " (a German car maker)".
 */
export const companyCue: (text: string, end: number) => boolean = appositionTest(COMPANY_NOUN, NOT_DESCRIBING);
