import { describe, expect, it } from 'vitest';
import { makeOffline } from '../../scripts/docs/offline.js';

describe('offline reference pages', () => {
  it('replaces the Redocly logo from cdn.redoc.ly with an inline SVG', () => {
    const page = '<script>src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`</script>';
    const out = makeOffline(page, 'x.html');
    expect(out).not.toContain('cdn.redoc.ly');
    expect(out.match(/data:image\/svg\+xml;base64,/g)).toHaveLength(2);
  });

  it('refuses a page that loads Redoc from the CDN instead of inlining it', () => {
    const page = '<script src="https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js"></script>';
    expect(() => makeOffline(page, 'x.html')).toThrow(/x\.html would not work offline[\s\S]*cdn\.redocly\.com\/redoc\//);
  });

  it('refuses any remote script, stylesheet or image but allows plain links', () => {
    expect(() => makeOffline('<link rel="stylesheet" href="//example.com/a.css">', 'x.html')).toThrow(/remote asset/);
    expect(makeOffline('<a href="https://justifi.ai">JustiFi</a>', 'x.html')).toBe('<a href="https://justifi.ai">JustiFi</a>');
  });
});
