import iconv from 'iconv-lite';
import { page } from './html.ts';
import { projectsFor, type SyntheticProject } from './projects.ts';
import { notFound, type SiteHandler } from './site-types.ts';

/**
 * An old hand-written site: uppercase tags, unquoted attributes, unclosed <p>/<td>/<li>, named
 * and numeric entities, bytes in Windows-1252. Also one page per charset case, each holding
 * MESSY_SAMPLE (é, œ, €, ’, «, —) so tests can check the decoding.
 */
export const MESSY_PROJECTS = projectsFor('messy', 12);
export const MESSY_SAMPLE =
  'L’œuvre coopérative « Été solidaire » : 5 000 € récoltés — déjà 12 familles aidées.';

const ENTITIES: Record<string, string> = {
  é: '&eacute;',
  è: '&#232;',
  '’': '&rsquo;',
  '&': '&amp;',
  à: '&agrave;',
  ô: '&#xF4;',
};
/** Escapes like a 2005 WYSIWYG editor: some characters as entities, the rest as raw bytes. */
const oldEscape = (text: string) =>
  text.replace(/[éè’&àô<>]/g, (c) => ENTITIES[c] ?? (c === '<' ? '&lt;' : '&gt;'));

function messyListing(withMeta: boolean): string {
  const rows = MESSY_PROJECTS.map(
    (p: SyntheticProject) => `<TR><TD class=projet>
<B class=nom><A HREF="/messy/fiche.php?id=${p.id}">${oldEscape(p.name)}</A></B><BR>
<FONT size=2 class=porteur>${oldEscape(p.carrier)}</FONT><BR>
<SPAN class=lieu>${oldEscape(p.city)} - ${p.postalCode}</SPAN>
<P class=resume>${oldEscape(p.description)}
<DIV class=tags>${p.tags.map(oldEscape).join(' &bull; ')}
<TD class=annee>${p.year}`,
  ).join('\n');
  const meta = withMeta ? '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">' : '';
  return `<HTML><HEAD>${meta}
<TITLE>Nos actions - Union Synthétique</TITLE>
<META NAME=generator CONTENT="Tadata synthetic test site">
</HEAD>
<BODY BGCOLOR=#FFFFFF>
<P class=synthetic-notice>Site synth&eacute;tique de test de Tadata : organisations et projets fictifs.
<CENTER><H1>Nos actions</H1></CENTER>
<!-- tableau généré par FrontPage -->
<TABLE WIDTH=100% BORDER=0>
${rows}
</TABLE>
</DIV></DIV>
<P>Derni&egrave;re mise &agrave; jour : mars 2026
</BODY></HTML>`;
}

function fiche(p: SyntheticProject): string {
  return `<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1252">
<TITLE>${oldEscape(p.name)}</TITLE></HEAD><BODY>
<P class=synthetic-notice>Site synth&eacute;tique de test de Tadata.
<H1 class=nom>${oldEscape(p.name)}</H1>
<TABLE><TR><TD>Porteur<TD class=porteur>${oldEscape(p.carrier)}
<TR><TD>Ville<TD class=ville>${oldEscape(p.city)}
<TR><TD>CP<TD class=cp>${p.postalCode}
<TR><TD>Contact<TD class=contact>${p.contactEmail}
</TABLE>
<P class=resume>${p.description}
</BODY></HTML>`;
}

const sample = (charsetMeta: string) =>
  page({ title: 'Encodage', charsetMeta, body: `<p class="sample">${MESSY_SAMPLE}</p>` });

const cp1252 = (text: string) => iconv.encode(text, 'win1252');

export const messySite: SiteHandler = (ctx) => {
  const path = ctx.url.pathname;
  if (!path.startsWith('/messy/')) return null;
  switch (path) {
    case '/messy/projets':
      return { type: 'text/html', body: cp1252(messyListing(true)), cacheable: true };
    case '/messy/projets-sans-charset':
      return { type: 'text/html', body: cp1252(messyListing(false)), cacheable: true };
    case '/messy/fiche.php': {
      const project = MESSY_PROJECTS.find((p) => p.id === Number(ctx.url.searchParams.get('id')));
      // The description is written raw (no entities): only the charset makes it readable.
      return project ? { type: 'text/html', body: cp1252(fiche(project)) } : notFound();
    }
    // Windows-1252 bytes, no charset in the header, declared by <meta http-equiv>.
    case '/messy/cp1252-http-equiv':
      return {
        type: 'text/html',
        body: cp1252(sample('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')),
      };
    // Declared ISO-8859-1 in <meta charset> but the bytes use 1252's €, œ and ’, as sites do.
    case '/messy/latin1-meta':
      return { type: 'text/html', body: cp1252(sample('<meta charset="iso-8859-1">')) };
    // Windows-1252 bytes and no declaration at all.
    case '/messy/cp1252-undeclared':
      return { type: 'text/html', body: cp1252(sample('')) };
    // The header says ISO-8859-1; the bytes are Windows-1252.
    case '/messy/latin1-header':
      return { type: 'text/html; charset=ISO-8859-1', body: cp1252(sample('')) };
    case '/messy/utf8-undeclared':
      return { type: 'text/html', body: Buffer.from(sample(''), 'utf8') };
    case '/messy/utf8-bom':
      return {
        type: 'text/html',
        body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample(''), 'utf8')]),
      };
    // The header wins over a contradicting meta tag.
    case '/messy/header-beats-meta':
      return {
        type: 'text/html; charset=utf-8',
        body: Buffer.from(sample('<meta charset="windows-1252">'), 'utf8'),
      };
    default:
      return notFound();
  }
};
