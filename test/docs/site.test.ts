/**
 * The documentation site in a real browser: `buildSite()` output served over HTTP and opened in
 * Debian's headless Chromium. Proves the pages render offline, show every operation, and that the
 * landing page says what each spec infers. Screenshots land in reports/docs-*.png.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chromium, type Page } from 'playwright-core';
import { apis, fromRoot } from '../../scripts/lib/apis.js';
import { type JsonObject, listOperations, loadBundle, walk } from '../../scripts/lib/spec-model.js';
import { listWebhooks } from '../../scripts/lib/webhook-model.js';
import { listLinks } from '../../scripts/lib/spec-links.js';
import { buildSite } from '../../scripts/docs/build-site.js';
import { chromiumArgs, ensureChromium } from './chromium.js';
import { readRenderedReference } from './redoc-page.js';
import { serveDirectory, type StaticServer } from './static-server.js';

const browserLookup = ensureChromium();
if (browserLookup.skipReason) console.warn(`SKIPPED docs browser test: ${browserLookup.skipReason}`);

/** Everything that went wrong while a page was open: console errors, failed or off-site requests. */
interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  offsiteRequests: string[];
}

const suiteName = `documentation site in headless Chromium${browserLookup.skipReason ? ` (skipped: ${browserLookup.skipReason})` : ''}`;

describe.skipIf(!browserLookup.executablePath)(suiteName, () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const site = await buildSite();
    server = await serveDirectory(site.outDir);
    browser = await chromium.launch({ executablePath: browserLookup.executablePath, args: chromiumArgs });
    mkdirSync(fromRoot('reports'), { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(file: string): Promise<{ page: Page; problems: PageProblems }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: PageProblems = { consoleErrors: [], failedRequests: [], offsiteRequests: [] };
    page.on('console', (m) => m.type() === 'error' && problems.consoleErrors.push(m.text()));
    page.on('pageerror', (e) => problems.consoleErrors.push(`uncaught: ${e.message}`));
    page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => r.status() >= 400 && problems.failedRequests.push(`${r.url()} (HTTP ${r.status()})`));
    page.on('request', (r) => !/^(data|blob):/.test(r.url()) && !r.url().startsWith(server.url) && problems.offsiteRequests.push(r.url()));
    await page.goto(`${server.url}/${file}`, { waitUntil: 'load' });
    return { page, problems };
  }

  /** Full-page screenshot as a reader first sees the page: before any navigation scrolls it. */
  async function screenshot(page: Page, file: string): Promise<void> {
    await page.screenshot({ path: fromRoot(`reports/${file}`), fullPage: true });
  }

  async function closeWithoutProblems(page: Page, problems: PageProblems): Promise<void> {
    await page.close();
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [], offsiteRequests: [] });
  }

  it('the landing page links to both references and states how much of each spec is inferred', async () => {
    const { page, problems } = await open('index.html');
    await screenshot(page, 'docs-index.png');
    for (const api of apis) {
      const link = page.locator(`nav a[href="${api.name}.html"]`);
      await expect(link.innerText()).resolves.toContain(`${api.title} reference`);
      const target = await page.request.get(new URL(`${api.name}.html`, page.url()).href);
      expect(target.status()).toBe(200);
      const doc = loadBundle(api);
      let inferred = 0;
      walk(doc, (node) => void (node['x-inferred'] === true && inferred++));
      const pathItems = doc.paths as Record<string, JsonObject>;
      const paths = listOperations(doc).filter((op) => op.operation['x-inferred-path'] === true || pathItems[op.path]?.['x-inferred-path'] === true).length;
      const section = page.locator(`section[data-api="${api.name}"]`);
      await expect(section.locator('[data-count="x-inferred"]').innerText()).resolves.toMatch(new RegExp(`^${inferred} parts?\\b`));
      await expect(section.locator('[data-count="x-inferred-path"]').innerText()).resolves.toMatch(new RegExp(`^${paths} operation paths?\\b`));
      await expect(section.locator('tbody tr').count()).resolves.toBe(listOperations(doc).length);
    }
    const text = await page.locator('body').innerText();
    expect(text).toContain("from 'payments-sdk/justifi'");
    expect(text).toContain("from 'payments-sdk/payments'");
    await closeWithoutProblems(page, problems);
  }, 30_000);

  it.each(apis.map((api) => [api.name, api] as const))('the %s reference shows the summary of every operation in the bundle and the links of a response', async (name, api) => {
    const { page, problems } = await open(`${name}.html`);
    await page.locator('#redoc main').first().getByText(/\S/).first().waitFor();
    await screenshot(page, `docs-${name}.png`);
    const rendered = await readRenderedReference(page);
    const doc = loadBundle(api);
    const summaries = [...listOperations(doc), ...listWebhooks(doc)].map((op) => String(op.operation.summary ?? op.operationId));
    expect(rendered.notRendered).toEqual([]);
    expect(summaries.filter((s) => !rendered.mainLines.has(s))).toEqual([]);
    expect(rendered.menuOperations.size).toBe(summaries.length);
    // Links (listed in the response description, which Redoc shows for the first response): those
    // of the first operation that has any, each as `Name → Target summary (targetId, …): description`.
    const first = listLinks(doc).filter((l, _, all) => l.from === all[0]!.from && l.status === all[0]!.status);
    const linkLines = [...rendered.mainLines].filter((l) => first.some((link) => l.startsWith(`${link.name} → `)));
    expect(first.filter((link) => !linkLines.some((l) => l.includes(`(${link.to}`) && l.includes(link.description!))).map((l) => l.name)).toEqual([]);
    await closeWithoutProblems(page, problems);
  }, 45_000);
});
