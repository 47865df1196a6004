/**
 * `npm run docs`: builds the static site. One Redoc reference page per API plus the landing page.
 * Everything comes from the bundled specs in generated/, so the site matches what the SDK is
 * generated from; run `npm run generate` first if a spec changed.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { apis, type ApiEntry, fromRoot } from '../lib/apis.js';
import { loadBundle } from '../lib/spec-model.js';
import { eventDocs } from './events.js';
import { findInferred } from './inferred.js';
import { type ApiDocs, renderLandingPage } from './landing-page.js';
import { operationRows } from './operations.js';
import { quickstartSamples } from './quickstart.js';
import { buildReferencePage } from './reference-page.js';

export interface BuildSiteOptions {
  /** Output folder. Default `site/` in the repository. */
  outDir?: string | undefined;
  /** APIs to document. Default: every entry of scripts/lib/apis.ts. */
  apis?: readonly ApiEntry[] | undefined;
}

export interface SitePage {
  /** File name inside the site folder, e.g. `index.html`. */
  file: string;
  title: string;
  bytes: number;
}

export interface SiteSummary {
  outDir: string;
  pages: SitePage[];
  apis: ApiDocs[];
}

function redoclyVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@redocly/cli/package.json') as { version: string }).version;
}

/** Collects what the landing page says about one API. */
export async function describeApi(api: ApiEntry): Promise<ApiDocs> {
  if (!existsSync(fromRoot(api.bundle))) throw new Error(`${api.bundle} is missing: run \`npm run generate\` first`);
  const doc = loadBundle(api);
  const info = (doc.info ?? {}) as { version?: unknown };
  return {
    api,
    version: String(info.version ?? ''),
    referenceHref: `${api.name}.html`,
    operations: await operationRows(api, doc),
    inferred: findInferred(doc),
    events: eventDocs(api, doc),
  };
}

/** Builds the whole site and says what it wrote. */
export async function buildSite(options: BuildSiteOptions = {}): Promise<SiteSummary> {
  const outDir = path.resolve(options.outDir ?? fromRoot('site'));
  const selected = options.apis ?? apis;
  mkdirSync(outDir, { recursive: true });
  const docs = await Promise.all(selected.map(describeApi));
  const pages: SitePage[] = [];
  for (const d of docs) {
    const file = buildReferencePage(d.api, outDir);
    pages.push({ file: path.basename(file), title: `${d.api.title} reference`, bytes: statSync(file).size });
  }
  const index = path.join(outDir, 'index.html');
  writeFileSync(index, renderLandingPage({ apis: docs, samples: quickstartSamples(), redoclyVersion: redoclyVersion() }));
  pages.unshift({ file: 'index.html', title: 'Landing page', bytes: statSync(index).size });
  return { outDir, pages, apis: docs };
}
