import { InvalidParameterError } from '../../errors.ts';
import type { Selector } from '../config/source-config.schema.ts';
import { collapseSpaces, cssOf, type HtmlPage, isXPath, type PageNode, type ValueKind } from './html-page.ts';
import { sanitizeHtml } from './sanitize-html.ts';

type JsdomModule = typeof import('jsdom');
type Win = InstanceType<JsdomModule['JSDOM']>['window'];
let shared: Promise<{ window: Win; parser: InstanceType<Win['DOMParser']> }> | undefined;

/**
 * Documents parsed in one window stay tied to it: with one window for a whole run, parsing got
 * slower and slower (3,000 pages: 4 ms each at first, 12 ms at the end). A new window every
 * WINDOW_PAGES pages keeps the cost flat; the old one goes once its pages are done.
 */
const WINDOW_PAGES = 200;

let parsedInWindow = 0;

/**
 * A page read with jsdom, for configs that use XPath 1.0 (document.evaluate); CSS works too.
 * jsdom is imported on first use only: it is heavy, and most configs never need it. One window
 * serves many pages (see WINDOW_PAGES), each parsed into a detached document (DOMParser): a window per
 * page cost 4× more. Scripts never run and no sub-resource is fetched.
 */
export async function parseWithJsdom(html: string, url: string): Promise<HtmlPage> {
  if (++parsedInWindow > WINDOW_PAGES) {
    parsedInWindow = 1;
    shared = undefined;
  }
  shared ??= import('jsdom').then(({ JSDOM }) => {
    const { window } = new JSDOM('');
    return { window, parser: new window.DOMParser() };
  });
  const { window, parser } = await shared;
  return new JsdomPage(window, parser.parseFromString(html, 'text/html'), url);
}

type DomNode = InstanceType<Win['Node']>;

/** What an XPath expression returned: nodes, or one string/number/boolean. */
type XPathValue = { nodes: DomNode[] } | { scalar: string };

class JsdomPage implements HtmlPage {
  constructor(
    private readonly window: Win,
    private readonly document: Document,
    readonly url: string,
  ) {}

  private evaluate(expression: string, context?: PageNode): XPathValue {
    const { XPathResult } = this.window;
    const document = this.document;
    let result: XPathResult;
    try {
      result = document.evaluate(
        expression,
        (context as DomNode) ?? document,
        null,
        XPathResult.ANY_TYPE,
        null,
      );
    } catch (error) {
      // A config error, not a page error: stop with the expression named.
      throw new InvalidParameterError('xpath', `${expression} cannot be used (${(error as Error).message})`);
    }
    switch (result.resultType) {
      case XPathResult.STRING_TYPE:
        return { scalar: result.stringValue };
      case XPathResult.NUMBER_TYPE:
        return { scalar: String(result.numberValue) };
      case XPathResult.BOOLEAN_TYPE:
        return { scalar: String(result.booleanValue) };
      default: {
        const nodes: DomNode[] = [];
        for (let node = result.iterateNext(); node; node = result.iterateNext()) nodes.push(node);
        return { nodes };
      }
    }
  }

  select(selector: Selector, context?: PageNode): PageNode[] {
    if (isXPath(selector)) {
      const value = this.evaluate(selector.xpath, context);
      return 'nodes' in value ? value.nodes : [];
    }
    const root = (context as DomNode | undefined) ?? this.document;
    if (!('querySelectorAll' in root)) return [];
    return [...(root as ParentNode).querySelectorAll(cssOf(selector))];
  }

  values(selector: Selector | undefined, context: PageNode | undefined, kind: ValueKind, attribute?: string) {
    let nodes: DomNode[];
    if (!selector) nodes = [(context as DomNode | undefined) ?? this.document.documentElement];
    else if (isXPath(selector)) {
      const value = this.evaluate(selector.xpath, context);
      if ('scalar' in value) return [collapseSpaces(value.scalar)];
      nodes = value.nodes;
    } else nodes = this.select(selector, context) as DomNode[];
    const { Node } = this.window;
    const out: string[] = [];
    for (const node of nodes) {
      // Attributes and text nodes selected by an XPath (…/@href, …/text()) are values already.
      if (node.nodeType === Node.ATTRIBUTE_NODE || node.nodeType === Node.TEXT_NODE) {
        const text = node.nodeValue ?? '';
        out.push(kind === 'attribute' ? text.trim() : collapseSpaces(text));
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const element = node as Element;
      if (kind === 'attribute') {
        const value = attribute ? element.getAttribute(attribute) : null;
        if (value !== null) out.push(value);
      } else if (kind === 'html') out.push(sanitizeHtml(element.innerHTML, this.url));
      else out.push(collapseSpaces(element.textContent ?? ''));
    }
    return out;
  }

  link(selector: Selector, context?: PageNode): string | null {
    if (isXPath(selector)) {
      const value = this.evaluate(selector.xpath, context);
      if ('scalar' in value) return value.scalar.trim() || null;
      for (const node of value.nodes) {
        const href = this.linkOf(node);
        if (href) return href;
      }
      return null;
    }
    for (const node of this.select(selector, context) as DomNode[]) {
      const href = this.linkOf(node);
      if (href) return href;
    }
    return null;
  }

  private linkOf(node: DomNode): string | null {
    const { Node } = this.window;
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      const target =
        element.hasAttribute('href') || element.hasAttribute('src')
          ? element
          : element.querySelector('a[href]');
      return (target?.getAttribute('href') ?? target?.getAttribute('src'))?.trim() || null;
    }
    return node.nodeValue?.trim() || null;
  }
}
