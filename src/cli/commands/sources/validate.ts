import {
  type ValidationResult,
  validateSourceConfig,
} from '../../../lib/server/harvest/config/validate-source-config.ts';
import { CliUsageError } from '../../command.ts';
import { readJsonFile } from '../../read-json-file.ts';

/** Reads and checks a config file; prints every problem with its path. */
export function checkConfigFile(file: string): ValidationResult {
  const result = validateSourceConfig(readJsonFile(file));
  if (!result.ok) {
    process.stderr.write(
      `${file} is not a valid source config (${result.errors.length} ${result.errors.length > 1 ? 'problems' : 'problem'}):\n` +
        result.errors.map((e) => `  ${e.path}: ${e.message}\n`).join('') +
        'See docs/source-configs.md for the format and an example of each kind.\n',
    );
  }
  return result;
}

export async function validateSource(argv: string[]): Promise<number> {
  const [file, ...extra] = argv;
  if (!file) throw new CliUsageError('which file? give the path of a source config (JSON)');
  if (extra.length) throw new CliUsageError(`one file at a time (got ${argv.length})`);
  const result = checkConfigFile(file);
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
