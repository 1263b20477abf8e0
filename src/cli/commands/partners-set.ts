import { parseArgs } from 'node:util';
import { consolidateRecords } from '../../lib/server/consolidate/consolidate-records.ts';
import { NotFoundError } from '../../lib/server/errors.ts';
import { type Exclusion, exclusionSchema } from '../../lib/server/partners/exclusions.ts';
import {
  findPartnerBySlug,
  type Partner,
  type PartnerRules,
  setPartnerRules,
} from '../../lib/server/partners/partner-repository.ts';
import { CliUsageError } from '../command.ts';
import { openCliDatabase } from '../open-cli-database.ts';

const STATUSES = ['active', 'suspended', 'excluded'] as const;
const MEDIA = { allowed: true, refused: false } as const;

/** `url:https://…`, `id:42` or `pattern:https://x.org/archives/*`, as typed after --exclude. */
export function parseExclusionOption(text: string, option: string): Exclusion {
  const colon = text.indexOf(':');
  const parsed = exclusionSchema.safeParse(
    colon > 0 ? { kind: text.slice(0, colon), value: text.slice(colon + 1) } : { kind: '', value: text },
  );
  if (!parsed.success) {
    throw new CliUsageError(
      `${option} "${text}": write url:<page address>, id:<id at the source> or pattern:<address with *>`,
    );
  }
  return parsed.data;
}

const sameExclusion = (a: Exclusion, b: Exclusion) => a.kind === b.kind && a.value === b.value;

/** The rules the options ask for, from the partner's current ones (exclusions are added or removed one by one). */
export function rulesFromOptions(
  current: Partner,
  values: {
    status?: string;
    media?: string;
    exclude?: string[];
    unexclude?: string[];
    'clear-exclusions'?: boolean;
    'tag-rules'?: string;
  },
): PartnerRules {
  const rules: PartnerRules = {};
  if (values.status !== undefined) {
    const status = STATUSES.find((s) => s === values.status);
    if (!status) throw new CliUsageError(`--status must be one of ${STATUSES.join(', ')}`);
    rules.status = status;
  }
  if (values.media !== undefined) {
    if (!(values.media in MEDIA)) throw new CliUsageError('--media must be allowed or refused');
    rules.mediaAllowed = MEDIA[values.media as keyof typeof MEDIA];
  }
  if (values['tag-rules'] !== undefined) rules.tagRuleKey = values['tag-rules'].trim() || null;
  const added = (values.exclude ?? []).map((e) => parseExclusionOption(e, '--exclude'));
  const removed = (values.unexclude ?? []).map((e) => parseExclusionOption(e, '--unexclude'));
  if (added.length || removed.length || values['clear-exclusions']) {
    const kept = values['clear-exclusions'] ? [] : current.exclusions;
    for (const r of removed) {
      if (!kept.some((e) => sameExclusion(e, r)))
        throw new CliUsageError(`--unexclude ${r.kind}:${r.value}: the partner has no such exclusion`);
    }
    const exclusions = kept.filter((e) => !removed.some((r) => sameExclusion(e, r)));
    for (const a of added) if (!exclusions.some((e) => sameExclusion(e, a))) exclusions.push(a);
    rules.exclusions = exclusions;
  }
  if (!Object.keys(rules).length) {
    throw new CliUsageError(
      'nothing to change: give --status, --media, --exclude, --unexclude, --clear-exclusions or --tag-rules',
    );
  }
  return rules;
}

export function describePartner(p: Partner): string {
  const lines = [
    `${p.slug}: ${p.name} (${p.status}, media ${p.mediaAllowed ? 'allowed' : 'refused'}, licence ${p.licence})`,
    p.tagRuleKey ? `  tag rules: ${p.tagRuleKey}` : null,
    p.exclusions.length ? `  ${p.exclusions.length} exclusion(s):` : '  no exclusion',
    ...p.exclusions.map((e) => `    ${e.kind}:${e.value}`),
  ];
  return `${lines.filter((l) => l !== null).join('\n')}\n`;
}

/** `tadata partners set <slug> …`: changes the rules, then consolidates so that they apply at once. */
export async function setPartnerCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      status: { type: 'string' },
      media: { type: 'string' },
      exclude: { type: 'string', multiple: true },
      unexclude: { type: 'string', multiple: true },
      'clear-exclusions': { type: 'boolean' },
      'tag-rules': { type: 'string' },
      'skip-consolidate': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const [slug, ...extra] = positionals;
  if (!slug) throw new CliUsageError('which partner? tadata partners set <slug> …');
  if (extra.length) throw new CliUsageError('one partner at a time');
  const { db } = await openCliDatabase('tadata partners set', { quiet: true });
  try {
    const current = await findPartnerBySlug(db, slug);
    if (!current) throw new NotFoundError(`no partner "${slug}" (tadata partners list shows them)`);
    const rules = rulesFromOptions(current, values);
    // One transaction: the new rules and what they change in the public dataset, or nothing.
    const { partner, report } = await db.transaction(async (tx) => {
      const partner = await setPartnerRules(tx, slug, rules);
      const report = values['skip-consolidate'] ? null : await consolidateRecords(tx);
      return { partner, report };
    });
    if (values.json) {
      const { id: _id, ...shown } = partner;
      process.stdout.write(`${JSON.stringify({ partner: shown, consolidation: report }, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(describePartner(partner));
    process.stdout.write(
      report
        ? `consolidated: ${report.records} records re-read, ${report.unpublished} projects unpublished, ${report.republished} republished, ${report.updated} updated\n`
        : 'not consolidated yet: the next `tadata consolidate` applies exclusions and media rules (the status applies at once)\n',
    );
    return 0;
  } finally {
    await db.close();
  }
}
