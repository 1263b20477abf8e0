import { type CheerioAPI, load } from 'cheerio';
import type { AnyNode } from 'domhandler';
import type { Selector } from '../config/source-config.schema.ts';
import { collapseSpaces, cssOf, type HtmlPage, type PageNode, type ValueKind } from './html-page.ts';
import { sanitizeHtml } from './sanitize-html.ts';

/** A page read with cheerio: CSS selectors only, the fast path for most configs. */
export function parseWithCheerio(html: string, url: string): HtmlPage {
  const $ = load(html);
  return new CheerioPage($, url);
}

class CheerioPage implements HtmlPage {
  constructor(
    private readonly $: CheerioAPI,
    readonly url: string,
  ) {}

  select(selector: Selector, context?: PageNode): PageNode[] {
    const css = cssOf(selector);
    return context
      ? this.$(context as AnyNode)
          .find(css)
          .toArray()
      : this.$(css).toArray();
  }

  values(selector: Selector | undefined, context: PageNode | undefined, kind: ValueKind, attribute?: string) {
    const nodes = selector
      ? this.select(selector, context)
      : context
        ? [context]
        : [this.$.root()[0] as PageNode];
    const out: string[] = [];
    for (const node of nodes) {
      const element = this.$(node as AnyNode);
      if (kind === 'attribute') {
        const value = attribute ? element.attr(attribute) : undefined;
        if (value !== undefined) out.push(value);
      } else if (kind === 'html') {
        out.push(sanitizeHtml(element.html() ?? '', this.url));
      } else {
        out.push(collapseSpaces(element.text()));
      }
    }
    return out;
  }

  link(selector: Selector, context?: PageNode): string | null {
    for (const node of this.select(selector, context)) {
      // "li.pager-next" is as good as "li.pager-next a": an element without a link gives its first one.
      const element = this.$(node as AnyNode);
      const target = element.is('[href], [src]') ? element : element.find('a[href]').first();
      const href = target.attr('href') ?? target.attr('src');
      if (href?.trim()) return href.trim();
    }
    return null;
  }
}
