/**
 * Consolidation benchmark: N synthetic raw records from several sources (French names, carriers,
 * presentations and addresses, with planted duplicates across sources), consolidated on PGlite in
 * a temporary data directory, as `npm start` keeps its database in DATA_DIR (removed at the end).
 * Prints the time per stage, records per second, peak memory, and the precision / recall / F1 of
 * duplicate detection against the planted pairs.
 *
 *   npm run bench:consolidate -- [--records 100000] [--sources 5] [--duplicates 0.05] [--seed 1]
 *                                [--in-memory]     (PGlite in memory, as the tests run it)
 *                                [--sql-profile]   (time spent per SQL statement of each run)
 *                                [--keep-indexes]  (maintain the indexes row by row, as PostgreSQL does)
 *                                [--no-worker]     (all the work on the database's thread)
 *                                [--explain]       (EXPLAIN ANALYZE of the incremental run's reads)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { consolidateRecords } from '../src/lib/server/consolidate/consolidate-records.ts';
import { loadSharedContext } from '../src/lib/server/consolidate/load-context.ts';
import { defaultMapping } from '../src/lib/server/consolidate/mapping/default-mappings.ts';
import { contentHash } from '../src/lib/server/imports/map-rows.ts';
import type { Queryable } from '../src/lib/server/platform/db/database.ts';
import { migrate } from '../src/lib/server/platform/db/migrate.ts';
import { openPgliteDatabase } from '../src/lib/server/platform/db/pglite-database.ts';
import {
  CONSOLIDATION_TABLES,
  vacuumAfterBulkWrite,
} from '../src/lib/server/platform/db/vacuum-after-bulk-write.ts';
import { createLogger } from '../src/lib/server/platform/logger.ts';
import { loadReferenceData } from '../src/lib/server/reference/load-reference-data.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    sources: { type: 'string', default: '5' },
    duplicates: { type: 'string', default: '0.05' },
    seed: { type: 'string', default: '1' },
    'sql-profile': { type: 'boolean', default: false },
    'keep-indexes': { type: 'boolean', default: false },
    'no-worker': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    'in-memory': { type: 'boolean', default: false },
  },
});
const N = Number(values.records);
const SOURCES = Number(values.sources);
const DUPLICATE_RATE = Number(values.duplicates);

// A small seeded PRNG (mulberry32): the same seed gives the same data set.
let state = Number(values.seed) >>> 0;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const KINDS = [
  'Épicerie solidaire',
  'Jardin partagé',
  'Atelier vélo',
  'Ressourcerie',
  'Café associatif',
  'Tiers-lieu',
  'Recyclerie',
  'Maison des aidants',
  'Chantier d’insertion',
  'Fablab',
  'Repair café',
  'Cantine solidaire',
  'Plateforme de covoiturage',
  'Accorderie',
  'Atelier numérique',
  'Crèche parentale',
  'Habitat partagé',
  'Ferme urbaine',
  'Conciergerie solidaire',
  'École de la deuxième chance',
  'Halte répit',
  'Garage solidaire',
  'Bibliothèque de rue',
  'Boutique éphémère',
  'Coopérative d’habitants',
] as const;
const QUALIFIERS = [
  'des Lilas',
  'du Centre',
  'des Quatre Vents',
  'de la Gare',
  'du Vieux Port',
  'des Tilleuls',
  'Saint-Michel',
  'des Bruyères',
  'du Moulin',
  'des Coteaux',
  'de la Source',
  'du Marché',
  'Belle Rive',
  'Horizon',
  'Ensemble',
  'Solidaire',
  'Pour Tous',
  'Les Communs',
  'Bien Vivre',
  'Au Fil de l’Eau',
  'Le Relais',
  'La Passerelle',
  'L’Escale',
  'Le Trait d’Union',
  'La Fabrique',
] as const;
const CARRIER_KINDS = [
  'Association',
  'Collectif',
  'SCIC',
  'Fédération',
  'Réseau',
  'Coopérative',
  'Fondation',
] as const;
const CARRIER_NAMES = [
  'Entraide',
  'Les Voisins',
  'Passerelles',
  'Trait d’Union',
  'Cap Avenir',
  'Les Amis du Quartier',
  'Graines de Solidarité',
  'Main Tendue',
  'Horizons Partagés',
  'Le Lien',
  'Terre d’Accueil',
  'Ricochets',
  'Les Petits Pas',
  'Vivre Ensemble',
  'Bouts de Ficelle',
  'Soleil Levant',
  'Court-Circuit',
  'L’Étincelle',
] as const;
const SENTENCES = [
  'Le projet accompagne les habitants du quartier vers l’emploi grâce à des ateliers hebdomadaires.',
  'Des bénévoles y collectent, réparent et revendent des objets pour réduire les déchets.',
  'Les familles y trouvent des produits frais à petits prix et un lieu d’échange convivial.',
  'L’association forme des jeunes éloignés de l’emploi aux métiers du numérique.',
  'Un lieu ouvert à tous où l’on apprend à réparer son vélo et à se déplacer autrement.',
  'Les seniors isolés y rompent la solitude grâce à des visites et des activités partagées.',
  'Le jardin produit des légumes cultivés en commun et sensibilise à l’alimentation durable.',
  'La structure propose un accueil de jour et un accompagnement social aux personnes sans domicile.',
  'Des ateliers culturels réunissent enfants et parents autour de la lecture et du théâtre.',
  'Le dispositif facilite l’accès aux soins dans les territoires ruraux.',
] as const;
const TAGS = [
  'emploi',
  'insertion',
  'lien social',
  'environnement',
  'économie circulaire',
  'alimentation',
  'mobilité',
  'jeunesse',
  'seniors',
  'handicap',
  'culture',
  'numérique',
  'santé',
  'logement',
  'tag maison inconnu',
] as const;

interface Commune {
  name: string;
  postalCode: string;
}

function sentence(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(SENTENCES));
  return out.join(' ');
}

/** A near copy as another partner writes it: case, accents, a typo, a longer carrier name. */
function variant(fields: Record<string, string>): Record<string, string> {
  const name = fields.titre as string;
  const r = random();
  const altered =
    r < 0.3
      ? name.toUpperCase()
      : r < 0.6
        ? name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
        : r < 0.8
          ? name.replace(/([a-z])([a-z])/, '$2$1') // one swapped letter
          : `${name} `;
  return {
    ...fields,
    titre: altered,
    porteur: random() < 0.5 ? `${fields.porteur}` : (fields.porteur as string).toLowerCase(),
    description: `${fields.description} ${pick(SENTENCES)}`,
    tags: pick(TAGS),
  };
}

/** Time spent per statement (its first words), printed with --sql-profile. */
type SqlTimes = Map<string, { ms: number; calls: number }>;
const sqlTimes: SqlTimes = new Map();
const incrementalSqlTimes: SqlTimes = new Map();
const plans: string[] = [];
function profiled(db: Queryable, times: SqlTimes, explain = false): Queryable {
  const timed =
    <A extends unknown[], R>(fn: (sql: string, ...rest: A) => Promise<R>) =>
    async (sql: string, ...rest: A): Promise<R> => {
      // Reads only: EXPLAIN ANALYZE runs the statement, and a write would then happen twice.
      if (explain && /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE)\b/i.test(sql)) {
        const params = (rest[0] ?? []) as unknown[];
        const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${sql}`, params);
        plans.push(`${sql.trim()}\n${plan.map((p) => p['QUERY PLAN']).join('\n')}`);
      }
      const started = performance.now();
      try {
        return await fn(sql, ...rest);
      } finally {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
        const entry = times.get(key) ?? { ms: 0, calls: 0 };
        entry.ms += performance.now() - started;
        entry.calls++;
        times.set(key, entry);
      }
    };
  return { query: timed(db.query.bind(db)), exec: timed(db.exec.bind(db)) } as Queryable;
}

async function main(): Promise<void> {
  // RSS, and what it is made of: the JavaScript heap (rows and trigram sets) and the array
  // buffers (PGlite's WebAssembly memory, the whole in-memory database).
  const memory = { peak: 0, heap: 0, buffers: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    memory.peak = Math.max(memory.peak, usage.rss);
    memory.heap = Math.max(memory.heap, usage.heapUsed);
    memory.buffers = Math.max(memory.buffers, usage.arrayBuffers);
  };
  const sampler = setInterval(sample, 50);
  const stages: [string, number][] = [];
  let t = performance.now();
  const stage = (name: string) => {
    const now = performance.now();
    stages.push([name, now - t]);
    t = now;
  };

  // In memory, every file PGlite grows past 1 MB is copied into a 12.5 % larger buffer each time:
  // a tenth of a 100k run. A data directory is also what the product uses.
  const dataDir = values['in-memory']
    ? undefined
    : mkdtempSync(path.join(tmpdir(), 'tadata-bench-consolidate-'));
  if (dataDir) process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const db = await openPgliteDatabase(dataDir && path.join(dataDir, 'db'), 'bench');
  await migrate(db);
  await loadReferenceData(db, createLogger({ level: 'silent', format: 'json' }));
  const communes = await db.query<Commune>(
    `SELECT name, postal_codes[1] AS "postalCode" FROM commune
     WHERE kind = 'commune-actuelle' AND cardinality(postal_codes) > 0 ORDER BY insee_code`,
  );
  stage('setup (schema, reference data)');

  // Sources with the generic mapping, as an import of a partner's CSV would save it.
  const columns = ['id', 'titre', 'porteur', 'description', 'adresse', 'site', 'tags'];
  const mapping = defaultMapping(columns, { cis: false });
  const sourceIds: number[] = [];
  for (let s = 0; s < SOURCES; s++) {
    const [partner] = await db.query<{ id: number }>(
      `INSERT INTO partner (slug, name, website) VALUES ($1, $2, $3) RETURNING id`,
      [`partenaire-${s}`, `Partenaire ${s}`, `https://partenaire-${s}.example.org/`],
    );
    const [source] = await db.query<{ id: number }>(
      `INSERT INTO source (partner_id, slug, name, kind) VALUES ($1, $2, $3, 'file') RETURNING id`,
      [partner?.id, `partenaire-${s}-import`, `Partenaire ${s}`],
    );
    await db.query(`INSERT INTO source_config_version (source_id, version, config) VALUES ($1, 1, $2)`, [
      source?.id,
      JSON.stringify({ kind: 'file', mapping }),
    ]);
    sourceIds.push(source?.id as number);
  }

  // Distinct projects, then planted duplicates of some of them in another source.
  const originals = Math.round(N / (1 + DUPLICATE_RATE));
  const records: { sourceIndex: number; key: string; fields: Record<string, string> }[] = [];
  const planted: [string, string][] = [];
  const used = new Set<string>();
  for (let i = 0; records.length < originals; i++) {
    const commune = pick(communes);
    // Most partners name a project after its place, some do not.
    const shape = random();
    const name =
      shape < 0.5
        ? `${pick(KINDS)} ${pick(QUALIFIERS)} à ${commune.name}`
        : shape < 0.8
          ? `${pick(KINDS)} de ${commune.name}`
          : `${pick(KINDS)} ${pick(QUALIFIERS)}`;
    const carrier = `${pick(CARRIER_KINDS)} ${pick(CARRIER_NAMES)} ${commune.name}`;
    // The same kind of project by the same carrier in the same commune is one project.
    const identity = `${name}|${carrier}`;
    if (used.has(identity)) continue;
    used.add(identity);
    const sourceIndex = i % SOURCES;
    const slug = `${i}`;
    const fields = {
      id: `${sourceIndex}-${i}`,
      titre: name,
      porteur: carrier,
      description: sentence(2 + (i % 3)),
      adresse: `${1 + (i % 120)} rue de la République ${commune.postalCode} ${commune.name}`,
      site: `https://${slug}-projet.example.org/`,
      tags: `${pick(TAGS)}; ${pick(TAGS)}`,
    };
    records.push({ sourceIndex, key: `id:${fields.id}`, fields });
  }
  const duplicates = N - records.length;
  for (let d = 0; d < duplicates; d++) {
    const original = records[Math.floor((d * records.length) / duplicates)] as (typeof records)[number];
    const sourceIndex = (original.sourceIndex + 1 + (d % (SOURCES - 1))) % SOURCES;
    const fields: Record<string, string> = { ...variant(original.fields), id: `${sourceIndex}-dup-${d}` };
    // Half the copies give the project's website, half do not.
    if (d % 2) fields.site = '';
    records.push({ sourceIndex, key: `id:${fields.id}`, fields });
    planted.push([`${original.sourceIndex}|${original.key}`, `${sourceIndex}|id:${fields.id}`]);
  }
  stage(`generate ${records.length} records (${planted.length} planted duplicates)`);

  // Raw records as a harvest or an import stores them (bulk insert: storing is not measured here).
  const seenAt = new Date('2026-01-01T00:00:00Z').toISOString();
  for (let i = 0; i < records.length; i += 5000) {
    const batch = records.slice(i, i + 5000).map((r) => ({
      source_id: sourceIds[r.sourceIndex],
      stable_key: r.key,
      content_hash: contentHash(r.fields),
      fields: r.fields,
    }));
    await db.query(
      `INSERT INTO raw_record (source_id, stable_key, content_hash, fields, first_seen_at, last_seen_at, changed_at)
       SELECT source_id, stable_key, content_hash, fields, $2, $2, $2
       FROM json_to_recordset($1::json) AS x(source_id int, stable_key text, content_hash text, fields jsonb)`,
      [JSON.stringify(batch), seenAt],
    );
  }
  stage('store raw records');

  const shared = await loadSharedContext(db);
  stage('load reference context');

  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const report = await db.transaction((tx) =>
    consolidateRecords(values['sql-profile'] ? profiled(tx, sqlTimes) : tx, {
      full: true,
      shared,
      rebuildIndexes: !values['keep-indexes'],
      workerThreadFrom: values['no-worker'] ? Number.POSITIVE_INFINITY : undefined,
    }),
  );
  const fullMs = performance.now() - started;
  // CPU time (PGlite runs in this thread): steadier than wall time when other work shares the cores.
  const cpu = process.cpuUsage(cpuStarted);
  const fullCpuMs = (cpu.user + cpu.system) / 1000;
  stage(report.workerThread ? 'consolidate --full (with a worker thread)' : 'consolidate --full');
  for (const [name, ms] of Object.entries(report.stageMs)) stages.push([`  ${name}`, ms]);
  // As `tadata consolidate --full` does on PGlite, after the commit (not part of the full run).
  const vacuumMs = await vacuumAfterBulkWrite(db, CONSOLIDATION_TABLES);
  stage('vacuum (analyze) after the commit');

  // The same records again: nothing changed, so nothing is rewritten (`tadata consolidate --full`
  // on an unchanged database).
  const againStarted = performance.now();
  await db.transaction((tx) =>
    consolidateRecords(tx, {
      full: true,
      shared,
      rebuildIndexes: !values['keep-indexes'],
      workerThreadFrom: values['no-worker'] ? Number.POSITIVE_INFINITY : undefined,
    }),
  );
  const againMs = performance.now() - againStarted;
  stage('consolidate --full again (nothing changed)');

  // Incremental: one record changed at its source.
  const [one] = await db.query<{ id: number; fields: Record<string, string> }>(
    `SELECT id, fields FROM raw_record ORDER BY id LIMIT 1`,
  );
  const changed = { ...one?.fields, description: `${one?.fields.description} Nouvelle phrase ajoutée.` };
  await db.query(`UPDATE raw_record SET fields = $2, content_hash = $3 WHERE id = $1`, [
    one?.id,
    JSON.stringify(changed),
    contentHash(changed),
  ]);
  const incStarted = performance.now();
  const incremental = await db.transaction((tx) =>
    consolidateRecords(
      values['sql-profile'] || values.explain ? profiled(tx, incrementalSqlTimes, values.explain) : tx,
      { shared },
    ),
  );
  const incrementalMs = performance.now() - incStarted;
  stage('consolidate (incremental, 1 changed record)');
  for (const [name, ms] of Object.entries(incremental.stageMs)) stages.push([`  ${name}`, ms]);

  // Duplicate detection quality: records that ended in one project form the predicted pairs.
  const links = await db.query<{ project_id: number; source_id: number; stable_key: string }>(
    `SELECT ps.project_id, r.source_id, r.stable_key FROM project_source ps JOIN raw_record r ON r.id = ps.raw_record_id`,
  );
  const sourceIndexOf = new Map(sourceIds.map((id, index) => [id, index]));
  const byProject = new Map<number, string[]>();
  for (const l of links) {
    const key = `${sourceIndexOf.get(l.source_id)}|${l.stable_key}`;
    byProject.set(l.project_id, [...(byProject.get(l.project_id) ?? []), key]);
  }
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const predicted = new Set<string>();
  for (const keys of byProject.values()) {
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) predicted.add(pairKey(keys[i] as string, keys[j] as string));
  }
  const truth = new Set(planted.map(([a, b]) => pairKey(a, b)));
  const tp = [...predicted].filter((p) => truth.has(p)).length;
  const precision = predicted.size ? tp / predicted.size : 1;
  const recall = truth.size ? tp / truth.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const [pending] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM duplicate_pair WHERE status = 'pending'`,
  );
  clearInterval(sampler);
  sample();
  const description = db.description;
  await db.close();

  const pad = (s: string) => s.padEnd(48);
  console.log(`\nConsolidation benchmark — ${description}, Node ${process.version}`);
  console.log(`${N} raw records, ${SOURCES} sources, ${planted.length} planted duplicate pairs\n`);
  for (const [name, ms] of stages) console.log(`${pad(name)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
  console.log('');
  console.log(
    `${pad('full run')} ${(fullMs / 1000).toFixed(2).padStart(8)} s  (${Math.round(N / (fullMs / 1000))} records/s)`,
  );
  console.log(`${pad('  CPU time of the full run')} ${(fullCpuMs / 1000).toFixed(2).padStart(8)} s`);
  console.log(`${pad('vacuum (analyze) after the full run')} ${(vacuumMs / 1000).toFixed(2).padStart(8)} s`);
  console.log(`${pad('full run again, nothing changed')} ${(againMs / 1000).toFixed(2).padStart(8)} s`);
  console.log(
    `${pad('incremental run (1 changed record)')} ${(incrementalMs / 1000).toFixed(3).padStart(8)} s  (${incremental.records} record read)`,
  );
  console.log(`${pad('projects')} ${String(byProject.size).padStart(8)}`);
  console.log(`${pad('candidate pairs scored')} ${String(report.duplicates.candidates).padStart(8)}`);
  console.log(
    `${pad('merged automatically / waiting for review')} ${String(report.duplicates.merged).padStart(8)} / ${pending?.n ?? 0}`,
  );
  console.log(
    `${pad('duplicates precision / recall / F1')} ${precision.toFixed(3)} / ${recall.toFixed(3)} / ${f1.toFixed(3)}`,
  );
  const printProfile = (title: string, times: SqlTimes) => {
    if (!times.size) return;
    console.log(`\n${title}`);
    for (const [sql, t] of [...times].sort((a, b) => b[1].ms - a[1].ms))
      console.log(`${(t.ms / 1000).toFixed(3).padStart(8)} s ${String(t.calls).padStart(6)}×  ${sql}`);
  };
  printProfile('SQL of the full run, by time spent:', sqlTimes);
  printProfile('SQL of the incremental run, by time spent:', incrementalSqlTimes);
  if (plans.length) console.log(`\nPlans of the incremental run's reads:\n\n${plans.join('\n\n')}`);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0).padStart(8);
  console.log(`${pad('peak memory (RSS)')} ${mb(memory.peak)} MB`);
  console.log(
    `${pad('  peak JavaScript heap / array buffers (PGlite)')} ${mb(memory.heap)} / ${mb(memory.buffers).trim()} MB`,
  );
}

await main();
