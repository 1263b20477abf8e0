import { findXPathProblems } from '../../../lib/server/harvest/config/check-xpaths.ts';
import {
  type ConfigProblem,
  type ValidationResult,
  validateSourceConfig,
} from '../../../lib/server/harvest/config/validate-source-config.ts';
import { CliUsageError } from '../../command.ts';
import { readJsonFile } from '../../read-json-file.ts';

/** Reads and checks a config file (schema, then XPath syntax); prints every problem with its path. */
export async function checkConfigFile(file: string): Promise<ValidationResult> {
  let result = validateSourceConfig(readJsonFile(file));
  if (result.ok) {
    const xpathProblems = await findXPathProblems(result.config);
    if (xpathProblems.length) result = { ok: false, errors: xpathProblems };
  }
  if (!result.ok) printProblems(file, result.errors);
  return result;
}

function printProblems(file: string, errors: ConfigProblem[]): void {
  process.stderr.write(
    `${file} is not a valid source config (${errors.length} ${errors.length > 1 ? 'problems' : 'problem'}):\n` +
      errors.map((e) => `  ${e.path}: ${e.message}\n`).join('') +
      'See docs/source-configs.md for the format and an example of each kind.\n',
  );
}

export async function validateSource(argv: string[]): Promise<number> {
  const [file, ...extra] = argv;
  if (!file) throw new CliUsageError('which file? give the path of a source config (JSON)');
  if (extra.length) throw new CliUsageError(`one file at a time (got ${argv.length})`);
  const result = await checkConfigFile(file);
  if (!result.ok) return 1;
  const { config } = result;
  const fields = 'fields' in config && config.fields ? Object.keys(config.fields).length : 0;
  process.stdout.write(
    `${file} is a valid ${config.kind} source config` +
      `${config.name ? ` (${config.name})` : ''}: ${fields ? `${fields} fields, ` : ''}` +
      `at most ${config.maxPages} pages a run, ${config.frequency}.\n`,
  );
  return 0;
}
