/**
 * A synthetic French corpus of social-innovation projects, generated inside the database (fast
 * enough for a million rows): realistic vocabulary with accents, Zipf-like word frequencies, a
 * long tail of rare words, themes and sub-themes, communes weighted by population with their
 * coordinates, several partners. Used by the search and API benchmarks, never by tests.
 */
import type { Database } from '../../src/lib/server/platform/db/database.ts';

/** Frequent words of the domain, most frequent first (the order drives the skew). */
export const VOCABULARY = `projet association solidaire insertion emploi jeunes accompagnement quartier
numérique éducation alimentation santé habitants territoire culture environnement formation
handicap femmes enfants familles logement mobilité économie sociale solidarité citoyens bénévoles
réseau local durable écologie agriculture circulaire réemploi recyclage épicerie jardin partagé
tiers-lieu coopérative entreprise inclusion précarité isolement personnes âgées seniors aidants
migrants réfugiés accueil hébergement orientation scolaire décrochage apprentissage lecture
musique théâtre sport santé mentale prévention dépendance autonomie transport vélo covoiturage
rural ville métropole commune intercommunalité département région politique publique innovation
expérimentation participation démocratie engagement civique service volontaire médiation
parentalité petite enfance crèche école collège lycée université étudiants chômeurs salariés
artisans agriculteurs producteurs circuits courts marché restauration cuisine gaspillage énergie
rénovation thermique précarité énergétique eau déchets biodiversité nature forêt climat
transition mutualisation plateforme application données ouvertes formation professionnelle
compétences métiers insertion professionnelle chantier entreprise adaptée handicapés sourds
aveugles accessibilité inclusion numérique fracture médiateurs atelier fabrication réparation
vêtements mode textile ressourcerie recyclerie bricolage outils prêt location partage voisinage
convivialité lien social fête rencontre intergénérationnel mémoire patrimoine histoire arts
création artistes spectacle cinéma photographie écriture radio journal média information
sensibilisation égalité discrimination racisme laïcité citoyenneté droits justice prison
détenus sortants réinsertion addictions logement d'abord sans-abri maraude aide alimentaire
banque distribution colis repas restaurants solidaires épiceries sociales finance microcrédit
épargne monnaie locale financement participatif mécénat fondation subvention emploi durable`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES =
  'ba be bi bo bu ca ce co cu da de di do du fa fe fi fo ga ge go la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo é è ou an on in'.split(
    ' ',
  );

/** Rare words (names, places, jargon) so that the dictionary and the index look real. */
export function rareWords(count: number, seed = 1): string[] {
  let state = seed;
  const random = () => {
    // mulberry32: a small, good, seeded generator.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words = new Set<string>();
  while (words.size < count) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

export interface CorpusStats {
  projects: number;
  loadMs: number;
  indexMs: number;
  databaseBytes: number;
}

/**
 * Loads `size` projects (and their partners, sources, raw records, locations) into a migrated
 * database that holds the reference data, through the normal path: the statement-level search
 * triggers (migrations 0007, 0010, 0012) keep the dictionary, territory codes, public credits
 * and locations box right after every statement. Shortcuts keep a million rows to minutes,
 * without changing the result: each project is inserted with the territory codes, credits and
 * box its location and source will give it (as consolidation writes them), so the triggers find
 * nothing to change (else each would rewrite every project of the batch, its word vectors
 * recomputed and reindexed); the public credits
 * trigger is off during the load (planned against a table without statistics, its lookup took
 * a minute per batch) and the credits are checked against public_project_source after it; and
 * the secondary indexes of projects are dropped during the load and built once after it.
 */
export async function loadCorpus(
  db: Database,
  size: number,
  log: (s: string) => void = () => {},
): Promise<CorpusStats> {
  const started = performance.now();
  const rare = rareWords(20_000);
  await db.query(
    `INSERT INTO partner (slug, name, website, licence)
     SELECT 'partenaire-' || g, 'Partenaire ' || g, 'https://partenaire-' || g || '.example.org', 'CC-BY-SA-4.0'
     FROM generate_series(1, 12) AS g ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO source (partner_id, slug, name, kind)
     SELECT id, slug || '-fichier', 'Fichier ' || name, 'file' FROM partner WHERE slug LIKE 'partenaire-%'
     ON CONFLICT DO NOTHING`,
  );
  const indexes = await db.query<{ name: string; definition: string }>(SECONDARY_PROJECT_INDEXES_SQL);
  for (const index of indexes) await db.exec(`DROP INDEX ${index.name}`);
  await db.exec(`ALTER TABLE project_source DISABLE TRIGGER project_source_public_credits_insert`);
  const batch = 50_000;
  for (let from = 1; from <= size; from += batch) {
    const to = Math.min(size, from + batch - 1);
    await db.exec(`DROP TABLE IF EXISTS bench_gen`);
    const t0 = performance.now();
    // The same corpus on every run: random() seeded per batch (the SQL draws row by row, in order).
    await db.query(`SELECT setseed($1::float8)`, [from / (size + 1)]);
    await db.query(GENERATE_BATCH_SQL, [from, to, VOCABULARY, rare]);
    log(`    generate: ${(performance.now() - t0).toFixed(0)} ms`);
    await db.exec(`CREATE INDEX ON bench_gen (public_id); ANALYZE bench_gen`);
    for (const [i, sql] of INSERT_BATCH_SQL.entries()) {
      const t = performance.now();
      await db.exec(sql);
      log(`    step ${i + 1}: ${(performance.now() - t).toFixed(0)} ms`);
    }
    // Statistics from the first batch on: the triggers' lookups plan against empty tables otherwise.
    if (from === 1) await db.exec(`ANALYZE project; ANALYZE project_location; ANALYZE raw_record`);
    log(`  ${to} projects`);
  }
  await db.exec(`DROP TABLE IF EXISTS bench_gen`);
  await db.exec(`ALTER TABLE project_source ENABLE TRIGGER project_source_public_credits_insert`);
  const [wrong] = await db.query<{ n: number }>(WRONG_PUBLIC_CREDITS_SQL);
  if (wrong?.n)
    throw new Error(`${wrong.n} generated projects do not have the public credits of their sources`);
  const loaded = performance.now();
  // GIN builds sort in memory: more than the default 64 MB spares them spilling to disk at 1M.
  for (const index of indexes) await db.exec(`SET maintenance_work_mem = '256MB'; ${index.definition}`);
  await db.exec(`VACUUM ANALYZE`);
  const indexed = performance.now();
  const [size_] = await db.query<{ bytes: string }>(
    `SELECT pg_database_size(current_database())::text AS bytes`,
  );
  return {
    projects: size,
    loadMs: loaded - started,
    indexMs: indexed - loaded,
    databaseBytes: Number(size_?.bytes ?? 0),
  };
}

/** Projects whose public credits differ from what tadata_refresh_public_credits would set. */
const WRONG_PUBLIC_CREDITS_SQL = /* sql */ `
SELECT count(*)::int AS n
FROM project p
LEFT JOIN (
  SELECT project_id, array_agg(DISTINCT partner_slug ORDER BY partner_slug) AS partners,
         max(last_seen_at) AS last_seen_at
  FROM public_project_source GROUP BY project_id
) AS c ON c.project_id = p.id
WHERE p.public_partners IS DISTINCT FROM coalesce(c.partners, '{}')
   OR p.public_last_seen_at IS DISTINCT FROM c.last_seen_at`;

/** The indexes of projects that no constraint owns (the keys stay: the load joins on them). */
const SECONDARY_PROJECT_INDEXES_SQL = /* sql */ `
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
FROM pg_index i
WHERE i.indrelid = 'project'::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
ORDER BY 1`;

/**
 * One batch of projects $1..$2 from the vocabulary $3 (skewed: word i drawn with a power law)
 * and rare words $4; each with one location in a commune drawn by population, one or two
 * themes, one source record of one of 12 partners (skewed too), and a maturity stage for 4 in 6.
 */
const GENERATE_BATCH_SQL = /* sql */ `
CREATE TEMP TABLE bench_gen AS
WITH vocab AS (SELECT $3::text[] AS v, $4::text[] AS r),
towns AS (
  SELECT array_agg(insee_code ORDER BY population DESC) AS codes FROM (
    SELECT insee_code, population FROM commune
    WHERE kind = 'commune-actuelle' AND latitude IS NOT NULL AND population IS NOT NULL
    ORDER BY population DESC LIMIT 3000) AS t
),
themes AS (
  SELECT array_agg(code ORDER BY position, code) AS codes FROM taxonomy_term WHERE vocabulary = 'theme'
)
SELECT g,
       'b' || g AS public_id,
       (SELECT string_agg(CASE WHEN random() < 0.08 THEN r[1 + floor(random() * cardinality(r))::int]
                               ELSE v[1 + floor(power(random(), 2.5) * cardinality(v))::int] END, ' ' ORDER BY w)
        FROM generate_series(1, 2 + g % 4) AS w WHERE g > 0) AS name,
       (SELECT string_agg(CASE WHEN random() < 0.05 THEN r[1 + floor(random() * cardinality(r))::int]
                               WHEN random() < 0.35 THEN (ARRAY['de','la','le','les','des','et','pour','avec','dans','un','une','au'])[1 + floor(random() * 12)::int]
                               ELSE v[1 + floor(power(random(), 2.5) * cardinality(v))::int] END, ' ' ORDER BY w)
        FROM generate_series(1, 25 + g % 40) AS w WHERE g > 0) AS summary,
       towns.codes[1 + floor(power(random(), 3) * cardinality(towns.codes))::int] AS insee,
       themes.codes[1 + floor(power(random(), 1.5) * cardinality(themes.codes))::int] AS theme1,
       themes.codes[1 + floor(random() * cardinality(themes.codes))::int] AS theme2,
       1 + floor(power(random(), 2) * 12)::int AS partner_n,
       now() - (random() * interval '6 years') AS seen,
       (random() - 0.5) * 0.02 AS dlat,
       (random() - 0.5) * 0.02 AS dlon
FROM generate_series($1::int, $2::int) AS g, vocab, towns, themes
`;

const INSERT_BATCH_SQL = [
  /* sql */ `
INSERT INTO project (public_id, slug, name, carrier, summary, themes, subthemes, keywords, licence,
                     first_seen_at, last_seen_at, maturity,
                     territory_codes, public_partners, public_last_seen_at, locations_box)
SELECT gen.public_id, 'bench-' || gen.g, initcap(gen.name), 'Association ' || split_part(gen.name, ' ', 1),
       gen.summary,
       CASE WHEN gen.theme1 = gen.theme2 OR gen.g % 3 = 0 THEN ARRAY[gen.theme1] ELSE ARRAY[gen.theme1, gen.theme2] END,
       coalesce((SELECT array_agg(s.code) FROM (
                   SELECT t.code FROM taxonomy_term t
                   WHERE t.vocabulary = 'subtheme' AND t.parent_code = gen.theme1
                   ORDER BY md5(t.code || gen.g) LIMIT 1) AS s), '{}'),
       c.name || ' ' || d.name || ' ' || r.name,
       'CC-BY-SA-4.0', gen.seen - interval '1 year', gen.seen,
       (ARRAY['launch', 'deployment', 'scaling', 'completed'])[nullif(gen.g % 6, 0)],
       -- What the location and source inserted next derive (tadata_refresh_territory_codes,
       -- tadata_refresh_public_credits, tadata_refresh_locations_box): their triggers leave
       -- the project alone.
       ARRAY(SELECT code FROM unnest(ARRAY['R:' || c.region_code, 'D:' || c.departement_code,
                                           'E:' || c.epci_code, 'C:' || c.insee_code]) AS code
             WHERE code IS NOT NULL ORDER BY code),
       ARRAY['partenaire-' || gen.partner_n], gen.seen,
       box(point(c.longitude + gen.dlon, c.latitude + gen.dlat), point(c.longitude + gen.dlon, c.latitude + gen.dlat))
FROM bench_gen gen
JOIN commune c ON c.insee_code = gen.insee
JOIN departement d ON d.code = c.departement_code
JOIN region r ON r.code = c.region_code`,
  /* sql */ `
INSERT INTO project_location (project_id, position, city, postal_code, insee_code, epci_code,
                              departement_code, region_code, latitude, longitude, precision)
SELECT p.id, 0, c.name, c.postal_codes[1], c.insee_code, c.epci_code, c.departement_code, c.region_code,
       c.latitude + gen.dlat, c.longitude + gen.dlon, 'address'
FROM bench_gen gen
JOIN project p ON p.public_id = gen.public_id
JOIN commune c ON c.insee_code = gen.insee`,
  /* sql */ `
INSERT INTO raw_record (source_id, stable_key, content_hash, fields, source_url, first_seen_at, last_seen_at, changed_at)
SELECT s.id, gen.public_id, md5(gen.public_id), '{}'::jsonb,
       'https://' || pa.slug || '.example.org/projets/' || gen.public_id, gen.seen - interval '1 year', gen.seen, gen.seen
FROM bench_gen gen
JOIN partner pa ON pa.slug = 'partenaire-' || gen.partner_n
JOIN source s ON s.partner_id = pa.id`,
  /* sql */ `
INSERT INTO project_source (project_id, raw_record_id, source_id, partner_id, source_url, licence, first_seen_at, last_seen_at)
SELECT p.id, r.id, r.source_id, s.partner_id, r.source_url, 'CC-BY-SA-4.0', r.first_seen_at, r.last_seen_at
FROM bench_gen gen
JOIN project p ON p.public_id = gen.public_id
JOIN partner pa ON pa.slug = 'partenaire-' || gen.partner_n
JOIN source s ON s.partner_id = pa.id
JOIN raw_record r ON r.source_id = s.id AND r.stable_key = gen.public_id`,
];
