import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/**
 * Partners' HTML reduced to a safe allowlist before it is stored or shown: formatting and links
 * survive; scripts, styles, frames, forms, event handlers, inline styles and javascript: (or
 * data:) URLs do not. Unknown tags are unwrapped (their text stays).
 */
const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'a',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'q',
  'cite',
  'abbr',
  'sub',
  'sup',
  'dl',
  'dt',
  'dd',
  'span',
]);
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'link',
  'meta',
  'base',
  'head',
  'title',
]);
// Unwrapped block elements leave a space, so that "<h1>Titre</h1>texte" does not become "Titretexte".
const BLOCKS = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'h1',
  'table',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'address',
  'center',
  'pre',
  'hr',
]);
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'title']),
  abbr: new Set(['title']),
};

export function sanitizeHtml(html: string, baseUrl?: string): string {
  const $ = load(html, null, false);
  const walk = (nodes: AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'comment' || node.type === 'directive' || node.type === 'cdata') {
        $(node).remove();
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const element = node as Element;
      const tag = element.name.toLowerCase();
      if (DROPPED_WITH_CONTENT.has(tag)) {
        $(element).remove();
        continue;
      }
      walk([...element.children]);
      if (!ALLOWED_TAGS.has(tag)) {
        if (BLOCKS.has(tag)) $(element).after(' ');
        $(element).replaceWith(element.children);
        continue;
      }
      const allowed = ALLOWED_ATTRIBUTES[tag];
      for (const name of Object.keys(element.attribs)) {
        if (!allowed?.has(name.toLowerCase())) delete element.attribs[name];
      }
      if (tag === 'a' && element.attribs.href !== undefined) {
        const href = safeHref(element.attribs.href, baseUrl);
        if (href) element.attribs.href = href;
        else delete element.attribs.href;
      }
    }
  };
  walk($.root().contents().toArray());
  return $.html().trim();
}

/** http(s) and mailto links only, made absolute when the page URL is known. */
function safeHref(href: string, baseUrl?: string): string | null {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = href.replace(/[\u0000-\u0020\u007f]/g, '');
  try {
    const url = baseUrl ? new URL(cleaned, baseUrl) : new URL(cleaned);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(cleaned) ? null : href.trim();
  }
}
