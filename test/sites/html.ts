/** Markup shared by the synthetic sites: every page says it is synthetic. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export const SYNTHETIC_NOTICE =
  'Site synthétique de test de Tadata : organisations et projets fictifs, générés pour les tests.';

export function page(options: {
  title: string;
  body: string;
  head?: string;
  lang?: string;
  charsetMeta?: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${options.lang ?? 'fr'}">
<head>
${options.charsetMeta ?? '<meta charset="utf-8">'}
<title>${escapeHtml(options.title)}</title>
<meta name="generator" content="Tadata synthetic test site">
${options.head ?? ''}
</head>
<body>
<p class="synthetic-notice">${SYNTHETIC_NOTICE}</p>
${options.body}
</body>
</html>
`;
}
