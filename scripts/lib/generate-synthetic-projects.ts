import type { Queryable } from '../../src/lib/server/platform/db/database.ts';

/**
 * Synthetic projects for benchmarks, written straight in SQL (generate_series), credited to a
 * partner named "Partenaire synthétique (benchmark)" so that nobody mistakes them for real ones.
 * Names and presentations mix a French vocabulary with accents; places are real communes
 * weighted by population; themes follow the real taxonomy.
 */
export async function generateSyntheticProjects(db: Queryable, count: number): Promise<void> {
  const [partner] = await db.query<{ id: number }>(
    `INSERT INTO partner (slug, name, website, licence)
     VALUES ('partenaire-synthetique', 'Partenaire synthétique (benchmark)', 'https://partenaire.example.org/', 'CC-BY-SA-4.0')
     ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id`,
  );
  const [source] = await db.query<{ id: number }>(
    `INSERT INTO source (partner_id, slug, name, kind) VALUES ($1, 'synthetique', 'Projets synthétiques', 'file')
     ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id`,
    [partner?.id],
  );
  await db.query(
    `INSERT INTO source_config_version (source_id, version, config) VALUES ($1, 1, '{"kind":"file"}')
     ON CONFLICT DO NOTHING`,
    [source?.id],
  );
  const [{ start } = { start: 0 }] = await db.query<{ start: number }>(
    `SELECT count(*)::int AS start FROM raw_record WHERE source_id = $1`,
    [source?.id],
  );
  await db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS synth_words (kind text, word text);
    DELETE FROM synth_words;
    INSERT INTO synth_words
    SELECT 'noun', unnest(ARRAY['épicerie','jardin','atelier','café','maison','réseau','plateforme','ressourcerie',
      'crèche','coopérative','tiers-lieu','recyclerie','école','laverie','cantine','garage','fablab','habitat',
      'boutique','bibliothèque','conciergerie','incubateur','chantier','théâtre','radio'])
    UNION ALL
    SELECT 'adj', unnest(ARRAY['solidaire','partagé','inclusif','participatif','numérique','citoyen','durable',
      'intergénérationnel','mobile','collaboratif','social','écologique','culturel','rural','associatif'])
    UNION ALL
    SELECT 'public', unnest(ARRAY['des jeunes','des seniors','des familles','des réfugiés','des femmes',
      'des personnes handicapées','des habitants','des agriculteurs','des étudiants','des aidants']);
  `);
  await db.query(
    `WITH nouns AS (SELECT array_agg(word) AS w FROM synth_words WHERE kind = 'noun'),
          adjs AS (SELECT array_agg(word) AS w FROM synth_words WHERE kind = 'adj'),
          publics AS (SELECT array_agg(word) AS w FROM synth_words WHERE kind = 'public'),
          themes AS (SELECT array_agg(code ORDER BY position) AS w FROM taxonomy_term WHERE vocabulary = 'theme'),
          communes AS (
            SELECT array_agg(insee_code ORDER BY population DESC NULLS LAST) AS w
            FROM (SELECT insee_code, population FROM commune
                  WHERE kind = 'commune-actuelle' AND latitude IS NOT NULL
                  ORDER BY population DESC NULLS LAST LIMIT 3000) c),
          generated AS (
            SELECT n,
              initcap(nouns.w[1 + (n * 7) % cardinality(nouns.w)]) || ' ' ||
                adjs.w[1 + (n * 13) % cardinality(adjs.w)] || ' n°' || n AS name,
              'Association ' || initcap(adjs.w[1 + (n * 3) % cardinality(adjs.w)]) || ' ' || (n % 997) AS carrier,
              'Un ' || nouns.w[1 + (n * 11) % cardinality(nouns.w)] || ' ' || adjs.w[1 + (n * 5) % cardinality(adjs.w)] ||
                ' pour ' || publics.w[1 + (n * 17) % cardinality(publics.w)] ||
                ', animé par des bénévoles et des salariés en insertion.' AS summary,
              ARRAY[themes.w[1 + (n % 7)], themes.w[1 + ((n * 31) % cardinality(themes.w))]] AS themes,
              -- Skewed: most projects in the largest communes.
              communes.w[1 + floor(power((n * 2654435761 % 1000003) / 1000003.0, 3) * cardinality(communes.w))::int] AS insee
            FROM generate_series($2::int + 1, $2::int + $3::int) AS n, nouns, adjs, publics, themes, communes
          ),
          raw AS (
            INSERT INTO raw_record (source_id, stable_key, content_hash, fields, source_url, first_seen_at, last_seen_at, changed_at)
            SELECT $1, 'synthetic:' || n, md5(name), jsonb_build_object('name', name),
                   'https://partenaire.example.org/projets/' || n,
                   now() - make_interval(days => n % 900), now(), now()
            FROM generated
            RETURNING id, stable_key
          ),
          projects AS (
            -- With the territory codes and credits that its location and source give it (as
            -- the triggers of migration 0007 derive them): else these triggers rewrite every
            -- project, its word vectors recomputed and reindexed, twice.
            INSERT INTO project (public_id, slug, name, carrier, summary, themes, keywords, licence, first_seen_at, last_seen_at,
                                 territory_codes, public_partners, public_last_seen_at)
            SELECT 'syn' || lpad(n::text, 7, '0'), 'synthetique-' || n, g.name, g.carrier, g.summary,
                   ARRAY(SELECT DISTINCT unnest(g.themes)), coalesce(c.name, ''), 'CC-BY-SA-4.0',
                   now() - make_interval(days => n % 900), now(),
                   ARRAY(SELECT code FROM unnest(ARRAY['R:' || c.region_code, 'D:' || c.departement_code,
                                                       'E:' || c.epci_code, 'C:' || c.insee_code]) AS code
                         WHERE code IS NOT NULL ORDER BY code),
                   (SELECT ARRAY[slug] FROM partner WHERE id = $4 AND status = 'active'), now()
            FROM generated g LEFT JOIN commune c ON c.insee_code = g.insee
            RETURNING id, public_id
          ),
          located AS (
            INSERT INTO project_location (project_id, position, postal_code, insee_code, city, epci_code,
              departement_code, region_code, latitude, longitude, precision)
            SELECT p.id, 0, c.postal_codes[1], c.insee_code, c.name, c.epci_code, c.departement_code, c.region_code,
                   c.latitude + ((g.n % 97) - 48) / 4000.0, c.longitude + ((g.n % 89) - 44) / 4000.0, 'commune'
            FROM projects p
            JOIN generated g ON p.public_id = 'syn' || lpad(g.n::text, 7, '0')
            JOIN commune c ON c.insee_code = g.insee
            RETURNING project_id
          )
     INSERT INTO project_source (project_id, raw_record_id, source_id, partner_id, source_url, licence, first_seen_at, last_seen_at)
     SELECT p.id, r.id, $1, $4, 'https://partenaire.example.org/projets/' || substr(p.public_id, 4)::int, 'CC-BY-SA-4.0', now(), now()
     FROM projects p JOIN raw r ON r.stable_key = 'synthetic:' || substr(p.public_id, 4)::int`,
    [source?.id, start, count, partner?.id],
  );
  await db.exec('ANALYZE raw_record, project, project_location, project_source');
}
