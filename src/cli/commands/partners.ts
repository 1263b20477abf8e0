import { parseArgs } from 'node:util';
import { InvalidParameterError } from '../../lib/server/errors.ts';
import { createPartner, findPartnerBySlug } from '../../lib/server/partners/partner-repository.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

/** Slugs appear in URLs and file names: lower-case letters, digits, single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const partnersCommand: Command = {
  name: 'partners',
  summary: 'add a partner organisation (the one whose sources and projects are credited)',
  help: `Usage: tadata partners add <slug> --name <name> [--website <url>] [--licence <id>]

Adds a partner: an organisation that lists projects on its site and signed the charter. Its
sources (tadata sources add) and imports (tadata import) are credited to it everywhere.

Options:
  --name <name>      the partner's name as shown to the public (required)
  --website <url>    its website
  --licence <id>     the licence of its data (default CC-BY-SA-4.0)
  -h, --help         show this help

Example:
  tadata partners add mon-reseau --name "Mon réseau" --website https://mon-reseau.fr
`,
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub !== 'add') throw new CliUsageError(sub ? `unknown subcommand "${sub}"` : 'which subcommand? add');
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { name: { type: 'string' }, website: { type: 'string' }, licence: { type: 'string' } },
    });
    const [slug, ...extra] = positionals;
    if (!slug) throw new CliUsageError('give the partner a slug, e.g. mon-reseau');
    if (extra.length) throw new CliUsageError('one partner at a time');
    if (!SLUG_PATTERN.test(slug)) {
      throw new CliUsageError(`"${slug}" is not a usable slug: lower-case letters, digits and dashes`);
    }
    if (!values.name?.trim()) throw new CliUsageError('--name <name> is required');
    if (values.website && !/^https?:\/\/./.test(values.website)) {
      throw new CliUsageError('--website must be an http:// or https:// address');
    }
    const { db } = await openCliDatabase('tadata partners add', { quiet: true });
    try {
      if (await findPartnerBySlug(db, slug))
        throw new InvalidParameterError('slug', `partner ${slug} already exists`);
      const partner = await createPartner(db, {
        slug,
        name: values.name.trim(),
        website: values.website,
        licence: values.licence,
      });
      process.stdout.write(`partner ${partner.slug} added: ${partner.name} (licence ${partner.licence})\n`);
    } finally {
      await db.close();
    }
    return 0;
  },
};
