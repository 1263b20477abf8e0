import type { Selector } from '../config/source-config.schema.ts';
import { collapseSpaces, cssOf, type HtmlPage, isXPath, type PageNode, type ValueKind } from './html-page.ts';
import { sanitizeHtml } from './sanitize-html.ts';

type JsdomModule = typeof import('jsdom');
let jsdom: Promise<JsdomModule> | undefined;

/**
 * A page read with jsdom, for configs that use XPath 1.0 (document.evaluate); CSS works too.
 * jsdom is imported on first use only: it is heavy, and most configs never need it.
 * Scripts never run (jsdom's default), and no sub-resource is fetched.
 */
export async function parseWithJsdom(html: string, url: string): Promise<HtmlPage> {
  jsdom ??= import('jsdom');
  const { JSDOM } = await jsdom;
  const dom = new JSDOM(html, { url });
  return new JsdomPage(dom.window, url);
}

type Win = InstanceType<JsdomModule['JSDOM']>['window'];
type DomNode = InstanceType<Win['Node']>;

/** What an XPath expression returned: nodes, or one string/number/boolean. */
type XPathValue = { nodes: DomNode[] } | { scalar: string };

class JsdomPage implements HtmlPage {
  constructor(
    private readonly window: Win,
    readonly url: string,
  ) {}

  private evaluate(expression: string, context?: PageNode): XPathValue {
    const { document, XPathResult } = this.window;
    const result = document.evaluate(
      expression,
      (context as DomNode) ?? document,
      null,
      XPathResult.ANY_TYPE,
      null,
    );
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
    const root = (context as DomNode | undefined) ?? this.window.document;
    if (!('querySelectorAll' in root)) return [];
    return [...(root as ParentNode).querySelectorAll(cssOf(selector))];
  }

  values(selector: Selector | undefined, context: PageNode | undefined, kind: ValueKind, attribute?: string) {
    let nodes: DomNode[];
    if (!selector) nodes = [(context as DomNode | undefined) ?? this.window.document.documentElement];
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
      return (element.getAttribute('href') ?? element.getAttribute('src'))?.trim() || null;
    }
    return node.nodeValue?.trim() || null;
  }
}
