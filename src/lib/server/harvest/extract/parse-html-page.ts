import type { HtmlField, Selector } from '../config/source-config.schema.ts';
import { parseWithCheerio } from './cheerio-page.ts';
import { type HtmlPage, isXPath } from './html-page.ts';
import { parseWithJsdom } from './jsdom-page.ts';

export type PageParser = (html: string, url: string) => Promise<HtmlPage>;

/** cheerio when every selector is CSS; jsdom (loaded now, not before) as soon as one is XPath. */
export function pageParserFor(
  selectors: (Selector | undefined)[],
  fields: Record<string, HtmlField> = {},
): PageParser {
  const all = [...selectors, ...Object.values(fields).map((f) => f.selector)];
  if (all.some((s) => s !== undefined && isXPath(s))) return parseWithJsdom;
  return async (html, url) => parseWithCheerio(html, url);
}
