/**
 * Makes a Redoc page self-contained. `--inlineBundle` embeds Redoc's script, but Redoc 3 still
 * loads the "API docs by Redocly" logo from cdn.redoc.ly at run time; with no network that is a
 * failed request and a console error. The logo is swapped for an inline SVG (the attribution stays).
 * Anything else that would load from a CDN fails the build: a page that works only online is a bug.
 */

const svg = (width: number, text: string) =>
  `data:image/svg+xml;base64,${Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044D4">${text}</text></svg>`,
  ).toString('base64')}`;

/** Remote assets Redoc 3 references, and the local stand-in for each. */
const replacements: ReadonlyArray<readonly [remote: string, local: string]> = [
  ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', svg(52, 'Redocly')],
  ['https://cdn.redoc.ly/redoc/logo-mini.svg', svg(10, 'R')],
];

/** Hosts whose appearance in a page means it would load code or assets from the network. */
const assetHosts = ['cdn.redoc.ly', 'cdn.redocly.com/redoc/', 'fonts.googleapis.com', 'fonts.gstatic.com', 'unpkg.com', 'cdn.jsdelivr.net'];

/** Remote `src`/`href` attributes of tags that load something (`<a href>` is a link, not a load). */
const remoteLoad = /<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi;

/** Replaces the known remote assets, then throws if the page would still reach the network. */
export function makeOffline(page: string, name: string): string {
  let out = page;
  for (const [remote, local] of replacements) out = out.replaceAll(remote, local);
  const problems = [
    ...assetHosts.filter((host) => out.includes(host)).map((host) => `references ${host}`),
    ...[...out.matchAll(remoteLoad)].map((m) => `loads a remote asset: ${m[0].slice(0, 120)}`),
  ];
  if (problems.length) {
    throw new Error(`${name} would not work offline (was it built with --inlineBundle?):\n  ${problems.join('\n  ')}`);
  }
  return out;
}
