import type { SourceConfig } from '../../src/lib/server/harvest/config/source-config.schema.ts';
import { validateSourceConfig } from '../../src/lib/server/harvest/config/validate-source-config.ts';
import { saveSourceConfig } from '../../src/lib/server/harvest/source-configs.ts';
import { createPartner } from '../../src/lib/server/partners/partner-repository.ts';
import type { HarvestConfig } from '../../src/lib/server/platform/config.ts';
import type { Queryable } from '../../src/lib/server/platform/db/database.ts';

/** Instance harvest settings for the synthetic sites: loopback allowed (tests only). */
export const TEST_HARVEST: HarvestConfig = {
  contactUrl: 'https://cis.example.org/contact',
  allowPrivateNetworks: true,
  minDelayMs: 0,
  timeoutMs: 5_000,
  maxBodyBytes: 10 * 1024 * 1024,
  chromiumPath: '/usr/bin/chromium',
};

/** Short retries so the failing sites do not slow the tests down. */
export const TEST_FETCHER = { retries: 1, retryBaseDelayMs: 20, maxRetryDelayMs: 100 } as const;

export function sourceConfig(input: unknown): SourceConfig {
  const result = validateSourceConfig(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

/** The Drupal-like synthetic site: listing with `li.pager-next`, fields from the detail pages. */
export function drupalConfig(origin: string, extra: Record<string, unknown> = {}): SourceConfig {
  return sourceConfig({
    kind: 'html',
    schemaVersion: 1,
    startUrls: [`${origin}/drupal/projets`],
    items: 'li.views-row',
    detailLink: 'h3.title a',
    pagination: { type: 'next-link', selector: 'li.pager-next a' },
    fields: {
      title: { selector: 'h3.title a', from: 'item' },
      carrier: { selector: '.field-name-field-porteur .name-block', from: 'detail' },
      city: { selector: '.field-name-field-ville', from: 'detail' },
      summary: { selector: '.field-name-body', from: 'detail' },
    },
    politeness: { minDelayMs: 0, concurrency: 1, timeoutMs: 5000, maxBodyBytes: 1_048_576 },
    ...extra,
  });
}

export async function saveTestSource(
  db: Queryable,
  slug: string,
  config: SourceConfig,
  partnerSlug = 'fondation-synthetique',
): Promise<void> {
  const [partner] = await db.query<{ id: number }>(`SELECT id FROM partner WHERE slug = $1`, [partnerSlug]);
  const partnerId =
    partner?.id ?? (await createPartner(db, { slug: partnerSlug, name: 'Fondation synthétique' })).id;
  await saveSourceConfig(db, { partnerId, slug, name: slug, config });
}
