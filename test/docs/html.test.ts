import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../../scripts/docs/html.js';

describe('docs HTML templating', () => {
  it('escapes spec text interpolated into markup and attributes', () => {
    const summary = `<script>alert("x")</script> & 'co'`;
    expect(html`<td title="${summary}">${summary}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</td>',
    );
  });

  it('inserts fragments built with html or raw as they are, and joins arrays', () => {
    const rows = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${rows}</ul>${raw('<hr>')}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
  });

  it('renders undefined, null and false as nothing so conditionals stay short', () => {
    expect(html`[${undefined}${null}${false}${0}]`.value).toBe('[0]');
    expect(escapeHtml('plain')).toBe('plain');
  });
});
