// web-ext ships no types; this is the part of its Node API that scripts/store/firefox-lint.ts uses.
declare module 'web-ext' {
  interface LintMessage {
    code: string;
    message: string;
    description?: string;
    file?: string;
    line?: number;
    column?: number;
  }
  interface LintResult {
    count: number;
    summary: { errors: number; notices: number; warnings: number };
    errors: LintMessage[];
    notices: LintMessage[];
    warnings: LintMessage[];
  }
  interface LintOptions {
    sourceDir: string;
    output?: 'text' | 'json' | 'none';
    boring?: boolean;
    selfHosted?: boolean;
    warningsAsErrors?: boolean;
  }
  const webExt: {
    cmd: { lint(options: LintOptions, context: { shouldExitProgram: boolean }): Promise<LintResult> };
  };
  export default webExt;
  export type { LintMessage, LintResult };
}
