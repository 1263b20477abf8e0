import { CliUsageError, type Command } from '../command.ts';
import { addSource } from './sources/add.ts';
import { importOpenScraper } from './sources/import-openscraper.ts';
import { listSourcesCommand } from './sources/list.ts';
import { showSource } from './sources/show.ts';
import { trustSource } from './sources/trust.ts';
import { validateSource } from './sources/validate.ts';

const SUBCOMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  add: addSource,
  list: listSourcesCommand,
  show: showSource,
  trust: trustSource,
  validate: validateSource,
  'import-openscraper': importOpenScraper,
};

export const sourcesCommand: Command = {
  name: 'sources',
  summary: "manage partners' harvest sources: add, list, show, trust, validate, import-openscraper",
  help: `Usage: tadata sources <subcommand> [options]

A source is one place where a partner lists projects (web pages, a JSON API, an RSS/Atom feed,
a sitemap or a file), described by a config file in JSON: see docs/source-configs.md and the
JSON Schema docs/source-config.schema.json. Every saved change of a config is a new version.

Subcommands:
  add <config.json> --partner <slug> [--slug <slug>] [--name <name>]
        check the config and save it for the partner; a changed config becomes a new version
        (default slug: the file name without .json; default name: the config's "name")
  list [--json]
        every source: partner, kind, config version, frequency, last run, health (and why a
        source needs attention: its item count or a field collapsed compared with earlier runs)
  show <slug> [--version <n>]
        print a source's config (the current version, or version n) as JSON
  trust <slug> <0-100>
        how much the source is trusted when records merged into one project disagree (default
        50): each field comes from the most trusted source that has it, then the freshest.
        Merged projects are rebuilt with the new trust in the same transaction
  validate <config.json>
        check a config without saving it; explains every problem with its path (exit 1 if any)
  import-openscraper <spiders.json> [--out <dir>] [--json]
        convert OpenScraper spider configs (its 2018 backup format) into Tadata configs, one
        <slug>.json per spider in <dir> (default openscraper-sources/); lists by name what
        could not be carried over. Test spiders ("-DEBUG- …") are skipped.

Options:
  -h, --help  show this help

Examples:
  tadata partners add mon-reseau --name "Mon réseau" --website https://mon-reseau.fr
  tadata sources validate projets.json
  tadata sources add projets.json --partner mon-reseau
  tadata sources import-openscraper spiders_config.json --out sources/
`,
  async run(argv) {
    const [name, ...rest] = argv;
    if (!name)
      throw new CliUsageError('which subcommand? add, list, show, trust, validate or import-openscraper');
    const sub = SUBCOMMANDS[name];
    if (!sub) throw new CliUsageError(`unknown subcommand "${name}"`);
    return sub(rest);
  },
};
