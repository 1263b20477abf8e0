import { readFileSync } from 'node:fs';
import { InvalidParameterError } from '../lib/server/errors.ts';

/** A JSON file's content; a syntax error names its line and column when JSON.parse gives them. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidParameterError(
      file,
      `cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(message.match(/position (\d+)/)?.[1]);
    let where = '';
    if (Number.isFinite(position)) {
      const before = text.slice(0, position).split('\n');
      where = ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
    }
    const reason = message.replace(/ in JSON at position \d+.*$/s, '');
    throw new InvalidParameterError(file, `not valid JSON${where}: ${reason}`);
  }
}
