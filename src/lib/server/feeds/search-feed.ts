import { type ChartLocale, chartsText } from '../../i18n/charts.ts';
import { localizeHref } from '../../i18n/locale.ts';
import type { Queryable } from '../platform/db/database.ts';
import { loadProjectCards } from '../projects/load-project-cards.ts';
import { matchingProjectIds } from '../search/matching-project-ids.ts';
import { searchParamsToQuery } from '../search/parse-search-params.ts';
import type { SearchParams } from '../search/search.views.ts';
import { termLabels } from '../taxonomy/term-labels.ts';
import { type AtomFeed, writeAtomFeed } from './atom.ts';
import { FEED_DATES_SQL } from './search-feed.query.ts';

export const FEED_ENTRIES = 50;

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * The Atom feed of a search: its 50 newest projects by first seen, the same matches as the
 * list, each entry linking to the project page and crediting the partners that list it.
 */
export async function searchFeed(
  db: Queryable,
  params: SearchParams,
  options: { publicUrl: string; locale?: ChartLocale; now?: Date },
): Promise<string> {
  const locale = options.locale ?? 'fr';
  const t = chartsText[locale].feed;
  const page = (path: string) => `${options.publicUrl}${localizeHref(path, locale)}`;
  const newest: SearchParams = { ...params, sort: 'newest', page: 1, cursor: null };
  const ids = await matchingProjectIds(db, newest, FEED_ENTRIES, options.now);
  const [cards, dates, labels] = await Promise.all([
    loadProjectCards(db, ids),
    ids.length
      ? db.query<{ id: number; firstSeenAt: string | Date; updatedAt: string | Date }>(FEED_DATES_SQL, [ids])
      : Promise.resolve([]),
    termLabels(db, locale),
  ]);
  const dateOf = new Map(dates.map((d) => [d.id, d]));
  const query = searchParamsToQuery({ ...newest, perPage: 20, sort: params.q ? 'relevance' : 'newest' });
  const entries: AtomFeed['entries'] = cards.map((card, i) => {
    const date = dateOf.get(ids[i] ?? -1);
    const partners = card.credits.map((c) => c.partner.name);
    const url = page(card.path);
    return {
      id: url,
      title: card.name,
      link: url,
      published: iso(date?.firstSeenAt ?? options.now ?? new Date()),
      updated: iso(date?.updatedAt ?? options.now ?? new Date()),
      summary: [card.summary ?? card.name, t.listedBy(partners.join(', '))].join('\n\n'),
      authors: card.credits.map((c) => ({ name: c.partner.name, uri: c.partner.website })),
      categories: card.themes.map((theme) => ({
        term: theme.code,
        label: labels.label('theme', theme.code, theme.label),
      })),
    };
  });
  const updated =
    entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? iso(options.now ?? new Date());
  return writeAtomFeed({
    id: page(`/recherche/flux.atom${query}`),
    title: t.title(params.q || null),
    subtitle: t.subtitle,
    self: page(`/recherche/flux.atom${query}`),
    alternate: page(`/recherche${query}`),
    updated,
    lang: options.locale ?? 'fr',
    author: { name: 'Carrefour des innovations sociales', uri: options.publicUrl },
    entries,
  });
}
