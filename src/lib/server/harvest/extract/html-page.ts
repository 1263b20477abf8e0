import type { Selector } from '../config/source-config.schema.ts';

/** An element (or other node) of a parsed page; only the page that made it can read it. */
export type PageNode = object;

export type ValueKind = 'text' | 'attribute' | 'html';

/**
 * A parsed HTML page that selectors run on. Two implementations: cheerio (CSS only, fast) and
 * jsdom (CSS and XPath 1.0), chosen per config so that jsdom is loaded only when XPath is used.
 */
export interface HtmlPage {
  readonly url: string;
  /** The elements a selector matches, inside `context` (an item) or in the whole page. */
  select(selector: Selector, context?: PageNode): PageNode[];
  /**
   * The values a selector yields inside `context` (or `context` itself without a selector):
   * the text, one attribute or the sanitised inner HTML of each match. XPath expressions that
   * return a string, number or attribute yield it as it is.
   */
  values(
    selector: Selector | undefined,
    context: PageNode | undefined,
    kind: ValueKind,
    attribute?: string,
  ): string[];
  /** The first link a selector points to: its href (or src), or the URL an XPath returns. */
  link(selector: Selector, context?: PageNode): string | null;
}

export function isXPath(selector: Selector): selector is { xpath: string } {
  return typeof selector === 'object' && 'xpath' in selector;
}

export function cssOf(selector: Selector): string {
  if (typeof selector === 'string') return selector;
  if ('css' in selector) return selector.css;
  throw new Error('not a CSS selector');
}

/** Visible text on one line: runs of white space (newlines, tabs, nbsp) become one space. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
