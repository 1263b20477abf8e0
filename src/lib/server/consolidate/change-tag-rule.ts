import type { Queryable } from '../platform/db/database.ts';
import { deleteTagRule, type SavedTagRule, saveTagRule } from '../taxonomy/coordinator-tag-rules.ts';
import { type ConsolidateReport, consolidateRecords } from './consolidate-records.ts';

export interface TagRuleChange {
  partnerSlug: string;
  tag: string;
  /** The 2018 codes the tag means; null removes the coordinator's rule. */
  codes: readonly string[] | null;
}

/**
 * A coordinator's rule for a partner's tag, then the partner's records re-read (a full run of
 * its sources: the rule is not part of what an incremental run compares), so that themes follow
 * at once. Run it inside a transaction: the rule and its effect land together, or neither.
 */
export async function changeTagRule(
  db: Queryable,
  change: TagRuleChange,
  options: { consolidate: boolean } = { consolidate: true },
): Promise<{ saved: SavedTagRule | null; consolidation: ConsolidateReport | null }> {
  const saved = change.codes ? await saveTagRule(db, { ...change, codes: change.codes }) : null;
  if (!change.codes) await deleteTagRule(db, change);
  if (!options.consolidate) return { saved, consolidation: null };
  const sources = await db.query<{ id: number }>(
    `SELECT s.id FROM source s JOIN partner p ON p.id = s.partner_id WHERE p.slug = $1 ORDER BY s.id`,
    [change.partnerSlug],
  );
  const consolidation = sources.length
    ? await consolidateRecords(db, { full: true, sourceIds: sources.map((s) => s.id) })
    : null;
  return { saved, consolidation };
}
