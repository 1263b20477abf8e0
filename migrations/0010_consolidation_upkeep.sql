-- An incremental consolidation reads only the records consolidated with another content or other
-- rules, through two small indexes instead of every live record of every source:
-- the records whose content changed since their consolidation (or never consolidated), few;
CREATE INDEX raw_record_unconsolidated_idx ON raw_record (source_id, stable_key)
  WHERE gone_at IS NULL AND (consolidated_key IS NULL OR NOT starts_with(consolidated_key, content_hash));
-- and the rules part of the others' consolidated_key (":version:hash"): its lowest and highest
-- value per source, two index probes, say whether any record was consolidated with other rules.
CREATE INDEX raw_record_consolidated_rules_idx
  ON raw_record (source_id, substr(consolidated_key, length(content_hash) + 1))
  WHERE gone_at IS NULL AND starts_with(consolidated_key, content_hash);

-- A full consolidation rewrites every project: instead of updating the word dictionary after
-- each statement (most of a 100,000-project run), it sets tadata.defer_search_words to 'on' for
-- its transaction and rebuilds the dictionary once before committing (tadata_rebuild_search_words).
-- The dictionary is right whenever the transaction commits; other writers never see the switch.
CREATE OR REPLACE FUNCTION tadata_search_words_after_statement() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  DECLARE
    words text[];
    deltas integer[];
  BEGIN
    IF current_setting('tadata.defer_search_words', true) = 'on' THEN
      RETURN NULL;
    END IF;
    -- Each project counts once per word: +1 for the words of its new text, -1 for those of its
    -- old text (an unchanged word adds up to 0). Updates that leave the text alone are skipped.
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(w), array_agg(n) INTO words, deltas FROM (
        SELECT w, count(*)::int AS n
        FROM new_rows p, tadata_words(concat_ws(' ', p.name, p.carrier, p.summary, p.keywords)) AS w
        GROUP BY w) AS d;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(w), array_agg(n) INTO words, deltas FROM (
        SELECT w, -count(*)::int AS n
        FROM old_rows p, tadata_words(concat_ws(' ', p.name, p.carrier, p.summary, p.keywords)) AS w
        GROUP BY w) AS d;
    ELSE
      SELECT array_agg(w), array_agg(n) INTO words, deltas FROM (
        SELECT w, sum(change)::int AS n
        FROM (
          SELECT concat_ws(' ', o.name, o.carrier, o.summary, o.keywords) AS before,
                 concat_ws(' ', n.name, n.carrier, n.summary, n.keywords) AS after
          FROM old_rows o JOIN new_rows n ON n.id = o.id
        ) AS t,
        LATERAL (SELECT w, 1 AS change FROM tadata_words(t.after) AS w
                 UNION ALL
                 SELECT w, -1 FROM tadata_words(t.before) AS w) AS c
        WHERE t.before IS DISTINCT FROM t.after
        GROUP BY w
        HAVING sum(change) <> 0) AS d;
    END IF;
    IF words IS NOT NULL THEN
      PERFORM tadata_apply_word_deltas(words, deltas);
    END IF;
    RETURN NULL;
  END
  $$;
