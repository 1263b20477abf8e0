import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize-html.ts';

describe('sanitizeHtml', () => {
  it('keeps formatting and safe links, drops scripts, handlers and dangerous URLs', () => {
    const html = sanitizeHtml(
      `<div class="x" style="color:red"><p onclick="x()">Un <strong>projet</strong> <a href="/p" onmouseover="y()" target="_blank">ici</a></p>
       <script>alert(1)</script><iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)>
       <a href=" java\tscript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="mailto:a@b.example">c</a>
       <svg><a href="javascript:alert(1)">d</a></svg><!-- comment --><form><input value="x"></form></div>`,
      'https://partner.example/projets/',
    );
    expect(html).toBe(
      '<p>Un <strong>projet</strong> <a href="https://partner.example/p">ici</a></p>\n       \n       <a>a</a><a>b</a><a href="mailto:a@b.example">c</a>',
    );
  });

  it('unwraps unknown tags and keeps their text', () => {
    expect(sanitizeHtml('<section><h1>Titre</h1><font color=red>texte</font></section>')).toBe('Titre texte');
  });
});
