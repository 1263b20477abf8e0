/** Domain errors, named by what the caller should do. Adapters (HTTP, CLI) map them to responses. */

/** The caller sent a bad value: say which parameter and why (HTTP 400). */
export class InvalidParameterError extends Error {
  override name = 'InvalidParameterError';
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
  }
}

/** The thing asked for does not exist (HTTP 404). */
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** An input file cannot be used; nothing was written. Says where: file, line, column, field. */
export class InvalidInputFileError extends Error {
  override name = 'InvalidInputFileError';
  constructor(
    readonly file: string,
    readonly problems: { line?: number; column?: number | string; message: string }[],
  ) {
    super(
      `${file} was refused, nothing was imported:\n` +
        problems
          .slice(0, 20)
          .map((p) => {
            const where = [
              p.line !== undefined ? `line ${p.line}` : '',
              p.column !== undefined ? `column ${p.column}` : '',
            ]
              .filter(Boolean)
              .join(', ');
            return `  ${file}${where ? ` (${where})` : ''}: ${p.message}`;
          })
          .join('\n') +
        (problems.length > 20 ? `\n  … and ${problems.length - 20} more problems` : ''),
    );
  }
}
