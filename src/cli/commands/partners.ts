import { parseArgs } from 'node:util';
import { InvalidParameterError, NotFoundError } from '../../lib/server/errors.ts';
import {
  createPartner,
  findPartnerBySlug,
  listPartners,
} from '../../lib/server/partners/partner-repository.ts';
import { CliUsageError, type Command } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';
import { describePartner, setPartnerCommand } from './partners-set.ts';

/** Slugs appear in URLs and file names: lower-case letters, digits, single dashes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const partnersCommand: Command = {
  name: 'partners',
  summary: 'add partner organisations, list them, and set their charter rules (status, exclusions, media)',
  help: `Usage: tadata partners add <slug> --name <name> [--website <url>] [--licence <id>]
       tadata partners list [--json]
       tadata partners show <slug> [--json]
       tadata partners set <slug> [--status active|suspended|excluded] [--media allowed|refused]
                                  [--exclude <kind>:<value>]… [--unexclude <kind>:<value>]…
                                  [--clear-exclusions] [--tag-rules <key>] [--skip-consolidate] [--json]

A partner is an organisation that lists projects on its site and signed the charter. Its
sources (tadata sources add) and imports (tadata import) are credited to it everywhere.

add: adds a partner.
  --name <name>      the partner's name as shown to the public (required)
  --website <url>    its website
  --licence <id>     the licence of its data (default CC-BY-SA-4.0)

list, show: the partners with their status, media rule and exclusions.

set: changes the partner's charter rules, then consolidates (one transaction) so that they
apply at once: excluded items and a suspended or excluded partner's contributions leave the
public dataset (a project another active partner also lists stays, credited to that one only).
  --status <s>             active, suspended or excluded
  --media <m>              allowed or refused: whether its images may be republished
  --exclude <kind>:<v>     adds an exclusion (repeat it): url:<page address>, id:<id at the
                           source>, or pattern:<address with *> (e.g. pattern:https://x.org/archives/*)
  --unexclude <kind>:<v>   removes one (repeat it)
  --clear-exclusions       removes them all (before any --exclude)
  --tag-rules <key>        the key of its crosswalk rules in the 2018 rule set, when it differs
                           from its name (empty: none)
  --skip-consolidate       only change the rules; the next tadata consolidate applies them
  -h, --help               show this help

Examples:
  tadata partners add mon-reseau --name "Mon réseau" --website https://mon-reseau.fr
  tadata partners set mon-reseau --exclude url:https://mon-reseau.fr/projets/ancien --media refused
  tadata partners set mon-reseau --status suspended
`,
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'set') return setPartnerCommand(rest);
    if (sub === 'list' || sub === 'show') return showPartners(sub, rest);
    if (sub !== 'add')
      throw new CliUsageError(
        sub ? `unknown subcommand "${sub}"` : 'which subcommand? add, list, show or set',
      );
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

async function showPartners(sub: 'list' | 'show', argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [slug, ...extra] = positionals;
  if (sub === 'show' && !slug) throw new CliUsageError('which partner? tadata partners show <slug>');
  if (extra.length || (sub === 'list' && slug))
    throw new CliUsageError(`unexpected argument ${extra[0] ?? slug}`);
  const { db } = await openCliDatabase(`tadata partners ${sub}`, { quiet: true });
  try {
    let partners = await listPartners(db);
    if (slug) {
      const partner = await findPartnerBySlug(db, slug);
      if (!partner) throw new NotFoundError(`no partner "${slug}" (tadata partners list shows them)`);
      partners = [partner];
    }
    if (values.json) {
      const shown = partners.map(({ id: _id, ...p }) => p);
      process.stdout.write(`${JSON.stringify(slug ? shown[0] : shown, null, 2)}\n`);
    } else if (!partners.length) {
      process.stdout.write('no partner yet: add one with tadata partners add\n');
    } else {
      for (const p of partners) process.stdout.write(describePartner(p));
    }
    return 0;
  } finally {
    await db.close();
  }
}
