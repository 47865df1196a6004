/**
 * The landing page's whole stylesheet, inlined so the page needs no other file. System fonts only:
 * the site must render offline. Colours keep at least 4.5:1 contrast in both schemes.
 */
export const landingCss = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #4d5661; --bg: #ffffff; --panel: #f4f6f8; --line: #d0d7de; --accent: #0b5cad; --warn: #8a4b00; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #aab4bf; --bg: #0f1419; --panel: #161d25; --line: #30363d; --accent: #6cb6ff; --warn: #f0b35a; }
}
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: var(--fg); background: var(--bg); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 2rem; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 .25rem; font-size: 2rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { margin-top: 1.75rem; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.lead { color: var(--muted); margin-top: 0; }
.refs { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
.refs a { display: block; padding: .75rem 1rem; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); font-weight: 600; text-decoration: none; }
.refs a span { display: block; font-weight: 400; color: var(--muted); font-size: .9rem; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 1rem; overflow-x: auto; font-size: .85rem; line-height: 1.45; }
code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", monospace; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .35rem .5rem; }
thead th { background: var(--panel); }
.table-scroll { overflow-x: auto; }

.method { font-weight: 700; font-family: ui-monospace, monospace; }
.flag { color: var(--warn); font-weight: 600; }
.counts { display: grid; grid-template-columns: max-content auto; gap: .25rem 1rem; }
.counts dt { font-weight: 600; }
.counts dd { margin: 0; }
details { margin: .75rem 0; }
summary { cursor: pointer; font-weight: 600; }
.columns { columns: 18rem; column-gap: 2rem; padding-left: 1.25rem; font-size: .85rem; }
footer { margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
`;
