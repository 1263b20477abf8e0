import type { Queryable } from '../platform/db/database.ts';
import { BOX_SHARE_SQL } from './box-share.query.ts';
import { type MatchShape, SEARCH_MATCH_ESTIMATE_SQL } from './search-projects.query.ts';
import type { PreparedQuery } from './search-projects.ts';

/**
 * How to find the first `countLimit` matches of a search (MATCH_SHAPES): walk ids newest first
 * when the matches are dense, take the filters' candidates and match their words when the words
 * are broad and the filters narrow, else collect the matches through the indexes. From the
 * planner's estimates (plannedMatches), with wide margins since estimates of combined filters
 * are rough.
 */
export async function matchShape(
  db: Queryable,
  prepared: PreparedQuery,
  filterValues: unknown[],
  stages: string[],
  methods: string[],
  countLimit: number,
): Promise<MatchShape> {
  return shapeOf(await plannedMatches(db, prepared, filterValues, stages, methods), countLimit);
}

export interface PlannedMatches {
  projects: number;
  matches: number;
  /** Matches of the filters alone (no words). */
  filters: number;
  names: number;
  /** Matches of the words alone (no filter). */
  words: number;
  /**
   * Whether the filters' estimate can be trusted: not with a radius, whose ids the planner
   * cannot count before reading them (it assumes 10).
   */
  filtersKnown: boolean;
}

export function shapeOf(planned: PlannedMatches, limit: number): MatchShape {
  if (isDense(planned.matches, planned.projects, limit)) return 'walk';
  // Collecting a word's matches from the word index costs about as much per entry as matching
  // the text of a few candidates: past FILTER_FIRST_RATIO, the filters' few candidates win.
  const narrow = planned.filters < planned.projects * NARROW_FILTERS;
  if (planned.filtersKnown && narrow && planned.filters * FILTER_FIRST_RATIO < planned.words) return 'filter';
  // A broad filter's index entries cost more to read than the word matches they would save
  // reading (those that the filter leaves out): the word index alone then.
  const saved = planned.words - planned.matches;
  const filtered = planned.filters < planned.projects;
  return filtered && planned.words > 0 && saved * WORDS_ONLY_RATIO < planned.filters ? 'words' : 'collect';
}

/** The planner's estimates (SEARCH_MATCH_ESTIMATE_SQL), a map box's share applied. */
export async function plannedMatches(
  db: Queryable,
  prepared: PreparedQuery,
  filterValues: unknown[],
  stages: string[],
  methods: string[],
): Promise<PlannedMatches> {
  // A box ($6–$9): the planner assumes 0.5 % of projects in any box, so the estimate leaves the
  // box out and takes the share of locations a sample finds in it.
  const box = filterValues.slice(4, 8);
  const boxShare = box[0] === null ? null : await sampledBoxShare(db, prepared, box);
  const values =
    boxShare === null
      ? filterValues
      : [...filterValues.slice(0, 4), null, null, null, null, ...filterValues.slice(8)];
  const [row] = await db.query<{ 'QUERY PLAN': unknown }>(SEARCH_MATCH_ESTIMATE_SQL, [
    prepared.estimate,
    ...values,
    stages,
    methods,
  ]);
  const plan = row?.['QUERY PLAN'];
  type Node = { 'Plan Rows': number; Plans?: Node[] };
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan: Node }];
  const [projects, matches, filters, names, words] = (parsed[0]?.Plan.Plans ?? []).map((n) => n['Plan Rows']);
  const share = boxShare ?? 1;
  return {
    projects: projects ?? 0,
    matches: (matches ?? 0) * share,
    filters: (filters ?? 0) * share,
    names: (names ?? 0) * share,
    words: words ?? 0,
    filtersKnown: filterValues[10] === null,
  };
}

/**
 * Walking ids reads about limit × projects / matches rows; collecting the matches through the
 * indexes reads each of them, at several times the cost of a walked row (WALK_COST_RATIO). The
 * walk wins past the square root of their product; and never below DENSE_FACTOR × limit,
 * since estimates of combined filters are rough.
 */
export function isDense(matches: number, projects: number, limit: number): boolean {
  return matches >= Math.max(DENSE_FACTOR * limit, Math.sqrt((limit * projects) / WALK_COST_RATIO));
}

function sampledBoxShare(db: Queryable, prepared: PreparedQuery, box: unknown[]): Promise<number | null> {
  const key = box.join(',');
  let share = prepared.boxShares.get(key);
  if (!share) {
    share = db.query<{ share: number | null }>(BOX_SHARE_SQL, box).then(([row]) => row?.share ?? null);
    prepared.boxShares.set(key, share);
  }
  return share;
}
/** Dense: the planner expects at least this many times the threshold of matches. */
const DENSE_FACTOR = 10;
/**
 * A match collected through the indexes costs about this many walked rows (PostgreSQL at
 * 1,000,000 projects: 2,000 rows walked per millisecond, 200 to 250 matches collected).
 */
const WALK_COST_RATIO = 10;
/**
 * Filters first when their candidates are fewer than the words' matches by this factor (at
 * 1,000,000 projects: 3,000 word-index entries per millisecond, 700 candidates matched)...
 */
const FILTER_FIRST_RATIO = 5;
/** ... and under this share of the projects (a filter without an index, such as the stage, never is). */
const NARROW_FILTERS = 0.05;
/**
 * A row read from the table costs about this many filter index entries (at 1,000,000 projects:
 * 300 rows per millisecond, 9,000 entries of a theme's index).
 */
const WORDS_ONLY_RATIO = 30;

/** How the first matches and the name matches are found (MATCH_SHAPES, NEWEST_WALK). */
export interface PlanShape {
  matches: MatchShape;
  /** Walk ids newest first (true) or collect the name matches through the name index (false). */
  walkNameMatches: boolean;
}
