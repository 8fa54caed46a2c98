import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import webExt, { type LintMessage } from 'web-ext';
import { KNOWN_LINT_WARNINGS, NEAR, type KnownLintWarning } from './known-lint-warnings';

export interface FirefoxLintReport {
  errors: LintMessage[];
  notices: LintMessage[];
  /** Warnings from bundled libraries that Gloss cannot fix (known-lint-warnings.ts), with which one each is. */
  known: { warning: LintMessage; known: KnownLintWarning }[];
  /** Every other warning: each one fails `npm test`. */
  unexplained: LintMessage[];
  /** Known warnings the linter no longer gives: the list is out of date. */
  unseen: KnownLintWarning[];
}

function sourceAround(dir: string, warning: LintMessage): string {
  if (!warning.file || !warning.line) return '';
  const lines = readFileSync(path.join(dir, warning.file), 'utf8').split('\n');
  const line = lines[warning.line - 1] ?? '';
  const column = (warning.column ?? 1) - 1;
  return line.slice(Math.max(0, column - NEAR), column + NEAR);
}

function whichKnown(dir: string, warning: LintMessage): KnownLintWarning | undefined {
  // Bundles are .js; pdf.js's worker keeps its .mjs.
  if (!/\.m?js$/.test(warning.file ?? '')) return undefined;
  const around = sourceAround(dir, warning);
  return KNOWN_LINT_WARNINGS.find((known) => known.code === warning.code && known.fingerprint.every((name) => around.includes(name)));
}

/**
 * Runs Mozilla's linter (web-ext lint, the checks addons.mozilla.org runs on upload) on a built Firefox
 * package, offline, through web-ext's Node API (its command line would also ask the registry for updates).
 */
export async function lintFirefoxPackage(dir: string): Promise<FirefoxLintReport> {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`no built extension at ${path.relative(process.cwd(), dir) || dir}; run \`npm run build\` first`);
  }
  const result = await webExt.cmd.lint({ sourceDir: dir, output: 'none', boring: true }, { shouldExitProgram: false });
  const known: FirefoxLintReport['known'] = [];
  const unexplained: LintMessage[] = [];
  for (const warning of result.warnings) {
    const match = whichKnown(dir, warning);
    if (match) known.push({ warning, known: match });
    else unexplained.push(warning);
  }
  const unseen = KNOWN_LINT_WARNINGS.filter((entry) => !known.some((k) => k.known === entry));
  return { errors: result.errors, notices: result.notices, known, unexplained, unseen };
}

export function describeLintMessage(message: LintMessage): string {
  const where = message.file
    ? `${message.file}${message.line ? `:${message.line}${message.column ? `:${message.column}` : ''}` : ''}`
    : 'package';
  return `${message.code} in ${where}: ${message.message}`;
}
