import { parseArgs } from 'node:util';
import type { PdfProgress } from '../lib/pdf/read-pdf';
import { analyze, CliError, FORMATS, oneLine, type Format } from './analyze-command';

export const USAGE = `Usage: gloss analyze <file.html|file.pdf> [--url <original url>] [--format json|markdown]

Reads a saved HTML page or a PDF and prints its metadata, outline and entities.

Options:
  --url <url>        the address the page or PDF was saved from (default: the file's file:// URL)
  --format <format>  json (the default) or markdown
  --password <pw>    the password of a protected PDF (or set GLOSS_PDF_PASSWORD, which stays out of
                     the shell's history and the list of processes)
  -h, --help         show this help
`;

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'json' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const message = oneLine(error instanceof Error ? error.message : String(error));
    // Node's own text for an unknown option runs on about '--' and positionals; say it shortly.
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    throw new CliError(unknown ? `unknown option "${unknown[1]}" (try "gloss --help")` : message, 2);
  }
}

/** On a terminal, a PDF's pages count up on one line of stderr while they are read; elsewhere nothing. */
function progressOnTerminal(err: (text: string) => void): ((progress: PdfProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return ({ pagesRead, pageCount }) => {
    err(pagesRead < pageCount ? `\rReading page ${pagesRead} of ${pageCount}…` : '\r\x1b[K');
  };
}

/** Runs the command line and returns the exit code; everything printed goes through `out` and `err`. */
export async function main(
  argv: string[],
  out: (text: string) => void = (text) => process.stdout.write(text),
  err: (text: string) => void = (text) => process.stderr.write(text),
): Promise<number> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      out(USAGE);
      return 0;
    }
    if (command !== 'analyze') throw new CliError(`unknown command "${oneLine(command)}" (try "gloss --help")`, 2);
    if (rest.length !== 1) throw new CliError('analyze takes exactly one file (try "gloss --help")', 2);
    const format = values.format ?? 'json';
    if (!isFormat(format)) {
      throw new CliError(`unknown format "${oneLine(format)}" (use ${FORMATS.join(' or ')})`, 2);
    }
    const password = values.password ?? (process.env.GLOSS_PDF_PASSWORD || undefined);
    out(await analyze({ file: rest[0], url: values.url, format, password, onProgress: progressOnTerminal(err) }));
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      err(`gloss: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug, not bad input: still one line, with the stack only when asked for.
    err(`gloss: internal error: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    if (process.env.GLOSS_DEBUG) err(`${error instanceof Error ? error.stack : ''}\n`);
    return 1;
  }
}

// Output piped into `head` and the like: stop quietly when the reader goes away.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});
process.exitCode = await main(process.argv.slice(2));
