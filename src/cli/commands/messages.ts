import { parseArgs } from 'node:util';
import { listContactMessages } from '../../lib/server/contact/contact-message.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

const STATUSES = ['new', 'read', 'answered', 'spam'];

export const messagesCommand: Command = {
  name: 'messages',
  summary: 'list the messages sent through the contact and partner forms',
  help: `Usage: tadata messages [--status <new|read|answered|spam>] [--limit <n>] [--json]

Lists, newest first, the messages visitors sent to the coordinators: contact, error reports
(with the project concerned) and partner applications.

Options:
  --status <status>  only messages with this status
  --limit <n>        at most n messages (default 50)
  --json             print them as JSON
  -h, --help         show this help
`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        status: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
    if (values.status && !STATUSES.includes(values.status))
      throw new CliUsageError(`--status must be one of ${STATUSES.join(', ')}`);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new CliUsageError('--limit must be a positive whole number');
    const { db } = await openCliDatabase('tadata messages', { quiet: true });
    try {
      const messages = await listContactMessages(db, { status: values.status, limit });
      if (values.json) {
        process.stdout.write(`${JSON.stringify(messages, null, 2)}\n`);
      } else if (!messages.length) {
        process.stdout.write('No message.\n');
      } else {
        for (const m of messages) {
          const about = m.project ? ` about /projets/${m.project}` : '';
          process.stdout.write(
            `#${m.id} ${new Date(m.createdAt).toISOString()} [${m.status}] ${m.kind}${about}\n` +
              `  from ${m.name} <${m.email}>${m.organisation ? `, ${m.organisation}` : ''}\n` +
              `${m.subject ? `  subject: ${m.subject}\n` : ''}  ${m.message.replace(/\n/g, '\n  ')}\n\n`,
          );
        }
      }
    } finally {
      await db.close();
    }
    return 0;
  },
};
