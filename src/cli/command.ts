import { InvalidInputFileError, InvalidParameterError, NotFoundError } from '../lib/server/errors.ts';
import { RunInProgressError } from '../lib/server/harvest/run-repository.ts';
import { ConfigError } from '../lib/server/platform/config.ts';
import { DatabaseLockedError } from '../lib/server/platform/db/database.ts';

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[]): Promise<number>;
}

/** Wrong arguments: the command's help follows the message. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

const EXPECTED = [
  ConfigError,
  DatabaseLockedError,
  InvalidInputFileError,
  InvalidParameterError,
  NotFoundError,
  RunInProgressError,
];

/** Expected errors print their message alone; anything else prints its stack for a bug report. */
export function printError(command: string, error: unknown): void {
  if (EXPECTED.some((type) => error instanceof type)) {
    process.stderr.write(`tadata ${command}: ${(error as Error).message}\n`);
    return;
  }
  const e = error as Error;
  process.stderr.write(`tadata ${command} failed: ${e?.stack ?? String(error)}\n`);
}
