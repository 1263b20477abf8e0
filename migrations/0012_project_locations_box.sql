-- A map bounding box filter that combines with the word and filter indexes. Locations live in
-- project_location, so a box could only be checked project by project (or collected into an id
-- list first). project.locations_box is the smallest box holding all of a project's located
-- locations (a point for most projects, NULL when none is located), with a GiST index: the
-- planner can AND it with the word index (bitmap), or check it on each row of an id walk at no
-- cost. A box overlapping it is a candidate only (a project located in Paris and Marseille has a
-- box that overlaps Lyon): the search queries still check the locations themselves, for the
-- candidates only. Kept by statement-level triggers, as territory_codes (migration 0007).
ALTER TABLE project ADD COLUMN locations_box box;
CREATE INDEX project_locations_box_idx ON project USING gist (locations_box);

-- Recomputes the box of these projects from their locations, writing only those that changed.
CREATE FUNCTION tadata_refresh_locations_box(project_ids integer[]) RETURNS void
  LANGUAGE sql
  AS $$
    UPDATE project p SET locations_box = c.box
    FROM (
      SELECT ids.id, (
        SELECT box(point(min(l.longitude), min(l.latitude)), point(max(l.longitude), max(l.latitude)))
        FROM project_location l
        WHERE l.project_id = ids.id AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL
        HAVING count(*) > 0) AS box
      FROM (SELECT DISTINCT id FROM unnest(project_ids) AS u (id) WHERE id IS NOT NULL) AS ids
    ) AS c
    -- box has no equality operator: its text form tells whether it changed.
    WHERE p.id = c.id AND p.locations_box::text IS DISTINCT FROM c.box::text
  $$;

CREATE FUNCTION tadata_locations_box_after_statement() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM tadata_refresh_locations_box(ARRAY(SELECT project_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      PERFORM tadata_refresh_locations_box(ARRAY(SELECT project_id FROM old_rows));
    ELSE
      -- Only locations whose coordinates (or project) changed move a box.
      PERFORM tadata_refresh_locations_box(ARRAY(
        SELECT n.project_id FROM new_rows n JOIN old_rows o USING (project_id, position)
        WHERE (n.latitude, n.longitude) IS DISTINCT FROM (o.latitude, o.longitude)
        UNION
        SELECT n.project_id FROM new_rows n
        WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.project_id = n.project_id AND o.position = n.position)
        UNION
        SELECT o.project_id FROM old_rows o
        WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.project_id = o.project_id AND n.position = o.position)));
    END IF;
    RETURN NULL;
  END
  $$;

CREATE TRIGGER project_location_locations_box_insert AFTER INSERT ON project_location
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_locations_box_after_statement();
CREATE TRIGGER project_location_locations_box_update AFTER UPDATE ON project_location
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_locations_box_after_statement();
CREATE TRIGGER project_location_locations_box_delete AFTER DELETE ON project_location
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tadata_locations_box_after_statement();

SELECT tadata_refresh_locations_box(ARRAY(SELECT DISTINCT project_id FROM project_location));
