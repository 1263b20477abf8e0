import type { Queryable } from '../platform/db/database.ts';
import { type ProjectPageRow, presentProjectPage } from '../projects/get-project-page.ts';
import type { ProjectPageView } from '../projects/project.views.ts';
import { PROJECT_EXPORT_BATCH_SQL } from '../projects/project-page.query.ts';

/** Every published project, in batches, so an export of any size runs in bounded memory. */
export async function* publishedProjects(db: Queryable, batchSize = 500): AsyncGenerator<ProjectPageView> {
  let after = 0;
  for (;;) {
    const rows = await db.query<ProjectPageRow>(PROJECT_EXPORT_BATCH_SQL, [after, batchSize]);
    for (const row of rows) yield presentProjectPage(row);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = last.id;
  }
}
