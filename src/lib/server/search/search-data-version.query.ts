/**
 * The version of the published data: statement-level triggers bump it on every write to
 * project, project_source, project_location and partner (migration 0008). Read it before the
 * data, so that an answer cached under a version is never older than that version.
 */
export const SEARCH_DATA_VERSION_SQL = /* sql */ `SELECT version::text AS version FROM search_data_version`;
