import { CliUsageError, type Command, printError } from './command.ts';
import { consolidateCommand } from './commands/consolidate.ts';
import { duplicatesCommand } from './commands/duplicates.ts';
import { exportCommand } from './commands/export.ts';
import { geocodeCommand } from './commands/geocode.ts';
import { harvestCommand } from './commands/harvest.ts';
import { importCommand } from './commands/import.ts';
import { messagesCommand } from './commands/messages.ts';
import { migrateCommand } from './commands/migrate.ts';
import { partnersCommand } from './commands/partners.ts';
import { serveCommand } from './commands/serve.ts';
import { sourcesCommand } from './commands/sources.ts';
import { tagsCommand } from './commands/tags.ts';
import { workerCommand } from './commands/worker.ts';

const COMMANDS: Command[] = [
  serveCommand,
  migrateCommand,
  importCommand,
  consolidateCommand,
  duplicatesCommand,
  geocodeCommand,
  tagsCommand,
  exportCommand,
  partnersCommand,
  sourcesCommand,
  harvestCommand,
  workerCommand,
  messagesCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `tadata — the engine of the Carrefour des innovations sociales

Usage: tadata <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`tadata <command> --help\` for a command's options.
Configuration comes from environment variables (see the README): DATABASE_URL, DATA_DIR, PORT, ...
`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`tadata: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`tadata ${command.name}: ${error.message}\n\n${command.help}`);
      return 2;
    }
    printError(command.name, error);
    return 1;
  }
}
