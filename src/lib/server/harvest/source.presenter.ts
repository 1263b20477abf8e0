import type { HarvestedRecord } from './extract/crawl-types.ts';
import type { PreviewReport } from './run-harvest.ts';
import type { SourceSummary } from './source-configs.ts';

/** A source as the public API shows it: who lists what, and whether its harvest is healthy. */
export interface PublicSource {
  slug: string;
  name: string;
  kind: SourceSummary['kind'];
  partner: { slug: string; name: string };
  lastSuccessfulRunAt: string | null;
  health: { status: SourceSummary['health']; reason: string | null };
}

export function presentSource(source: SourceSummary): PublicSource {
  return {
    slug: source.slug,
    name: source.name,
    kind: source.kind,
    partner: { slug: source.partnerSlug, name: source.partnerName },
    lastSuccessfulRunAt: source.lastSuccessfulRunAt
      ? new Date(source.lastSuccessfulRunAt).toISOString()
      : null,
    health: { status: source.health, reason: source.healthReason },
  };
}

/** A config preview, for the partner back office: records as extracted, per-field diagnostics. */
export interface PresentedPreview {
  pagesFetched: number;
  complete: boolean;
  incompleteBecause: string[];
  records: HarvestedRecord[];
  diagnostics: PreviewReport['diagnostics'];
  errors: { url: string; reason: string }[];
}

export function presentPreview(preview: Omit<PreviewReport, 'configVersion'>): PresentedPreview {
  return {
    pagesFetched: preview.pagesFetched,
    complete: preview.complete,
    incompleteBecause: preview.incompleteBecause,
    records: preview.records,
    diagnostics: preview.diagnostics,
    errors: preview.errors,
  };
}
