/**
 * Source health: each run compared with the previous ones. OpenScraper's spiders broke silently
 * when a partner redesigned its site; here a collapse of the item count or of a field's fill
 * rate flags the source, with the reason in plain words for whoever maintains its config.
 */

export interface RunFigures {
  status: 'succeeded' | 'partial' | 'failed';
  found: number;
  /** Per field: items looked at and items where the field had a value. */
  fields: Record<string, { items: number; matched: number; fillRate: number }>;
  error?: string | null;
}

export interface HealthVerdict {
  health: 'ok' | 'attention';
  /** Plain-language reasons, most important first; empty when healthy. */
  reasons: string[];
  /** The item count collapsed: the run must not mark records gone. */
  itemCountCollapsed: boolean;
}

/** Below this share of the usual item count, the listing is considered collapsed. */
const ITEM_COLLAPSE_RATIO = 0.5;
/** A field is flagged when its fill rate falls under half its usual rate and by at least this much. */
const FILL_DROP_MIN = 0.3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

/** `previous` holds the earlier runs, newest first; only succeeded runs serve as a baseline. */
export function assessHealth(current: RunFigures, previous: readonly RunFigures[]): HealthVerdict {
  const reasons: string[] = [];
  const baseline = previous.filter((run) => run.status === 'succeeded' && run.found > 0).slice(0, 5);
  let itemCountCollapsed = false;

  if (current.status === 'failed') {
    reasons.push(`the last run failed${current.error ? `: ${current.error}` : ''}`);
  }
  if (baseline.length) {
    const usual = median(baseline.map((run) => run.found));
    if (current.status !== 'failed' && current.found < usual * ITEM_COLLAPSE_RATIO) {
      itemCountCollapsed = true;
      reasons.push(
        `the run found ${current.found} item${current.found === 1 ? '' : 's'} where previous runs found about ${Math.round(usual)}: the item selector may no longer match, the site may have changed`,
      );
    }
    for (const [name, field] of Object.entries(current.fields)) {
      const usualRates = baseline.map((run) => run.fields[name]?.fillRate).filter((r) => r !== undefined);
      if (!usualRates.length || field.items === 0) continue;
      const usualRate = median(usualRates);
      if (field.fillRate < usualRate / 2 && usualRate - field.fillRate >= FILL_DROP_MIN) {
        reasons.push(
          `the ${name} selector matched nothing on ${field.items - field.matched} of ${field.items} items (usually filled on ${percent(usualRate)}): the site may have changed`,
        );
      }
    }
  } else if (current.status !== 'failed' && current.found === 0) {
    reasons.push('the run found no items: check the listing URL and the item selector');
  }
  return { health: reasons.length ? 'attention' : 'ok', reasons, itemCountCollapsed };
}
