/**
 * `site/index.html`: the quickstart, links to both references, and per API the operation table and
 * what the spec infers. Static markup and one inline stylesheet; no scripts, so the page's CSP can
 * forbid every request.
 */
import type { ApiEntry } from '../lib/apis.js';
import { eventsSection, type EventDocs } from './events.js';
import { html, raw, type SafeHtml } from './html.js';
import type { InferredKind, InferredReport } from './inferred.js';
import { landingCss } from './landing-style.js';
import type { OperationRow } from './operations.js';
import type { QuickstartSample } from './quickstart.js';

export interface ApiDocs {
  api: ApiEntry;
  /** `info.version` of the bundle. */
  version: string;
  /** The reference page, relative to the landing page. */
  referenceHref: string;
  operations: OperationRow[];
  inferred: InferredReport;
  /** The spec's webhooks. */
  events?: EventDocs | undefined;
}

export interface LandingPageInput {
  apis: ApiDocs[];
  samples: QuickstartSample[];
  redoclyVersion: string;
}

const kindNames: Record<InferredKind, [one: string, many: string]> = {
  schema: ['schema', 'schemas'],
  property: ['property', 'properties'],
  response: ['response', 'responses'],
  parameter: ['parameter', 'parameters'],
  other: ['other part', 'other parts'],
};

const plural = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

const kinds = Object.keys(kindNames) as InferredKind[];

/** Long paths and method names may wrap, but only before a `/` or `.`, never inside a word. */
function breakable(text: string): SafeHtml {
  return html`${text.split(/(?=[/.])/).map((part, i) => html`${i ? html`<wbr>` : ''}${part}`)}`;
}

function referenceLinks(apis: ApiDocs[]): SafeHtml {
  return html`<ul class="refs">${apis.map(
    (d) => html`<li><a href="${d.referenceHref}">${d.api.title} reference<span>${plural(d.operations.length, ['operation', 'operations'])}, version ${d.version}</span></a></li>`,
  )}</ul>`;
}

function quickstart(samples: QuickstartSample[]): SafeHtml {
  return html`<section aria-labelledby="quickstart"><h2 id="quickstart">Quickstart</h2>
<pre><code>npm install payments-sdk</code></pre>
<p>Each API has its own entry point, so an application bundles only the client it uses. Both clients retry
429 and 5xx responses with the same idempotency key, page lazily, and throw the same error classes.</p>
${samples.map((s) => html`<h3>${s.title} <small>(<code>${s.entryPoint}</code>)</small></h3><pre><code>${s.code}</code></pre>`)}
</section>`;
}

function inferredSection(d: ApiDocs): SafeHtml {
  const { parts, operations, counts } = d.inferred;
  const breakdown = kinds.filter((k) => counts[k]).map((k) => plural(counts[k]!, kindNames[k]));
  return html`<h3>What is inferred</h3>
<p>The vendor's reference does not show these parts; they were modelled from prose, samples and the other
operations. Check them against the live API before relying on them.</p>
<dl class="counts">
<dt>Marked <code>x-inferred: true</code></dt><dd data-count="x-inferred">${plural(parts.length, ['part', 'parts'])}${breakdown.length ? `: ${breakdown.join(', ')}` : ''}</dd>
<dt>Marked <code>x-inferred-path: true</code></dt><dd data-count="x-inferred-path">${plural(operations.length, ['operation path', 'operation paths'])}</dd>
</dl>
${operations.length ? html`<details><summary>Operations whose path is inferred (${operations.length})</summary><ul class="columns">${operations.map(
    (o) => html`<li><code>${o.method} ${o.path}</code> (${o.operationId})</li>`,
  )}</ul></details>` : ''}
${kinds.filter((k) => counts[k]).map(
    (k) => html`<details><summary>Inferred ${kindNames[k][1]} (${counts[k]})</summary><ul class="columns">${parts
      .filter((p) => p.kind === k)
      .map((p) => html`<li><code>${p.label}</code></li>`)}</ul></details>`,
  )}`;
}

function operationTable(d: ApiDocs): SafeHtml {
  // A wide table scrolls inside its own focusable region instead of widening the page.
  return html`<h3>Operations</h3>
<div class="table-scroll" role="region" aria-label="${d.api.title} operations" tabindex="0"><table><caption>${d.api.title}: ${plural(d.operations.length, ['operation', 'operations'])} and the SDK method that sends each</caption>
<thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Summary</th><th scope="col">operationId</th><th scope="col">SDK method</th></tr></thead>
<tbody>${d.operations.map(
    (o) => html`<tr><td class="method">${o.method}</td><td><code>${breakable(o.path)}</code>${o.inferredPath ? html` <span class="flag">inferred path</span>` : ''}</td><td>${o.summary}</td><td><code>${o.operationId}</code></td><td>${
      o.sdkMethods.length ? o.sdkMethods.map((m, i) => html`${i ? html`<br>` : ''}<code>${breakable(m)}</code>`) : html`<span title="reachable through client.raw">none</span>`
    }</td></tr>`,
  )}</tbody></table></div>`;
}

function apiSection(d: ApiDocs): SafeHtml {
  const id = `api-${d.api.name.replace(/\W/g, '-')}`;
  return html`<section aria-labelledby="${id}" data-api="${d.api.name}"><h2 id="${id}">${d.api.title}</h2>
<p>Version ${d.version}. Full reference: <a href="${d.referenceHref}">${d.api.title} reference</a>.</p>
${inferredSection(d)}
${operationTable(d)}
${eventsSection(d.events, d.api.title)}
</section>`;
}

/** The complete landing page. */
export function renderLandingPage(input: LandingPageInput): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>payments-sdk documentation</title>
<link rel="icon" href="data:,">
<style>${raw(landingCss)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<h1>payments-sdk</h1>
<p class="lead">Typed TypeScript clients for the JustiFi API v1 and the Payments API v1.3.0, generated from hand-curated OpenAPI descriptions.</p>
<nav aria-label="API references">${referenceLinks(input.apis)}</nav>
</header>
<main id="main">
${quickstart(input.samples)}
${input.apis.map(apiSection)}
</main>
<footer><p>Built by <code>npm run docs</code> from ${input.apis.map((d, i) => html`${i ? ' and ' : ''}<code>${d.api.bundle}</code>`)} with Redocly CLI ${input.redoclyVersion}. Every page works offline.</p></footer>
</body>
</html>
`.value;
}
