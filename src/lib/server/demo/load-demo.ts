import { type ImportReport, importFile } from '../imports/import-file.ts';
import { createPartner, findPartnerBySlug } from '../partners/partner-repository.ts';
import { fromAppRoot } from '../platform/app-root.ts';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';

export const DEMO_PARTNER = {
  slug: 'fondation-la-france-s-engage',
  name: "Fondation La France s'Engage",
  website: 'https://fondationlafrancesengage.org/',
  logoUrl: 'https://fondationlafrancesengage.org/wp-content/uploads/2017/09/181114_FFE_Logo_Header-01.png',
  licence: 'CC-BY-SA-4.0',
} as const;

export const DEMO_FILE = 'data/demo/ffe-laureats-2019.csv';

/**
 * On a new instance: the 150 laureates of the Fondation La France s'Engage, imported through
 * the real import path. Done once: a flag records it, and an instance that already has projects
 * is left alone. A start killed mid-import retries it, and re-importing changes nothing.
 */
export async function loadDemoIfEmpty(db: Database, logger: Logger): Promise<ImportReport | null> {
  const [state] = await db.query<{ flagged: boolean; projects: number }>(
    `SELECT EXISTS (SELECT 1 FROM instance_setting WHERE key = 'demo_loaded') AS flagged,
            (SELECT count(*)::int FROM project) AS projects`,
  );
  if (state?.flagged || (state?.projects ?? 0) > 0) {
    logger.info({ projects: state?.projects }, 'demo not loaded: this instance already has its data');
    return null;
  }
  if (!(await findPartnerBySlug(db, DEMO_PARTNER.slug))) await createPartner(db, DEMO_PARTNER);
  const report = await importFile(db, {
    file: fromAppRoot(DEMO_FILE),
    partnerSlug: DEMO_PARTNER.slug,
    format: 'cis',
  });
  await db.query(
    `INSERT INTO instance_setting (key, value) VALUES ('demo_loaded', $1) ON CONFLICT (key) DO NOTHING`,
    [JSON.stringify({ at: new Date().toISOString(), file: DEMO_FILE, projects: report.projects.created })],
  );
  logger.info(
    {
      partner: DEMO_PARTNER.name,
      file: DEMO_FILE,
      rows: report.rows,
      projects: report.projects.created,
      warnings: report.warnings.length,
      ms: report.durationMs,
    },
    `demo loaded: ${report.projects.created} projects of ${DEMO_PARTNER.name} imported from ${DEMO_FILE}`,
  );
  return report;
}
