-- A full consolidation over every source, cheaper (issue #6).

-- Deleting a project absorbed by a merge looks for the redirects pointing at it (ON DELETE
-- CASCADE): without an index, one scan of project_redirect per absorbed project.
CREATE INDEX project_redirect_project_idx ON project_redirect (project_id);

-- Public credits, like the word dictionary (migration 0010): a full consolidation sets
-- tadata.defer_public_credits to 'on' for its transaction, so that its provenance writes and
-- merges do not refresh the credits of each batch's projects, and refreshes every project's
-- credits once before committing (tadata_refresh_all_public_credits). Same contract as
-- tadata_refresh_public_credits: public_project_source stays the one definition.
CREATE OR REPLACE FUNCTION tadata_public_credits_after_statement() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF current_setting('tadata.defer_public_credits', true) = 'on' THEN
      RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'project_source' THEN
      IF TG_OP = 'INSERT' THEN
        PERFORM tadata_refresh_public_credits(ARRAY(SELECT project_id FROM new_rows));
      ELSIF TG_OP = 'DELETE' THEN
        PERFORM tadata_refresh_public_credits(ARRAY(SELECT project_id FROM old_rows));
      ELSE
        PERFORM tadata_refresh_public_credits(ARRAY(
          SELECT project_id FROM new_rows UNION SELECT project_id FROM old_rows));
      END IF;
    ELSIF TG_TABLE_NAME = 'raw_record' THEN
      -- Only a record found gone (or back) or seen again changes its projects' credits.
      PERFORM tadata_refresh_public_credits(ARRAY(
        SELECT DISTINCT ps.project_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        JOIN project_source ps ON ps.raw_record_id = n.id
        WHERE o.gone_at IS DISTINCT FROM n.gone_at OR o.last_seen_at IS DISTINCT FROM n.last_seen_at));
    ELSIF TG_TABLE_NAME = 'partner' THEN
      PERFORM tadata_refresh_public_credits(ARRAY(
        SELECT DISTINCT ps.project_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        JOIN project_source ps ON ps.partner_id = n.id
        WHERE o.status IS DISTINCT FROM n.status OR o.slug IS DISTINCT FROM n.slug));
    END IF;
    RETURN NULL;
  END
  $$;

CREATE FUNCTION tadata_refresh_all_public_credits() RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE project p
    SET public_partners = coalesce(c.partners, '{}'), public_last_seen_at = c.last_seen_at
    FROM (
      SELECT q.id, a.partners, a.last_seen_at
      FROM project q
      LEFT JOIN (
        SELECT s.project_id, array_agg(DISTINCT s.partner_slug ORDER BY s.partner_slug) AS partners,
               max(s.last_seen_at) AS last_seen_at
        FROM public_project_source s
        GROUP BY s.project_id
      ) AS a ON a.project_id = q.id
    ) AS c
    WHERE p.id = c.id
      AND (p.public_partners IS DISTINCT FROM coalesce(c.partners, '{}')
           OR p.public_last_seen_at IS DISTINCT FROM c.last_seen_at)
  $$;

-- The word dictionary from scratch (what tadata_words counts), with the words of each project
-- split in the query itself: tadata_words is STRICT, so it runs as a function call per project
-- instead of being inlined (a fifth of the rebuild of 100,000 projects).
CREATE OR REPLACE FUNCTION tadata_rebuild_search_words() RETURNS void
  LANGUAGE sql
  AS $$
    DELETE FROM search_word;
    INSERT INTO search_word (word, ndoc)
    SELECT d.w, count(*)::int
    FROM project p,
         LATERAL (SELECT DISTINCT w
                  FROM regexp_split_to_table(tadata_unaccent(lower(tadata_project_text(p))), '[^a-z0-9]+') AS w
                  WHERE length(w) BETWEEN 2 AND 40) AS d
    GROUP BY d.w;
  $$;
