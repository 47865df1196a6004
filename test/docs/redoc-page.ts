/**
 * Reading a Redoc 3 page the way a reader sees it. Redoc renders on the client and lazily: a tag
 * lists its operations in the sidebar only once opened, and the middle panel renders just the
 * sections near the current one. So the text is gathered by opening every tag in the sidebar, then
 * following each operation's own sidebar link (`#/<tag>/<operation>`) and reading the middle panel.
 * It runs inside the page, in one round trip, to keep the test fast.
 */
import type { Page } from 'playwright-core';

export interface RenderedReference {
  /** Every line of text the middle panel showed while visiting the operations. */
  mainLines: Set<string>;
  /** Operation entries of the sidebar: `#/…` link → label. */
  menuOperations: Map<string, string>;
  /** Sidebar operations whose label never appeared in the middle panel within the time allowed. */
  notRendered: string[];
}

interface Selectors {
  menuItem: string;
  /** The middle panel; Redoc also renders Markdown into `<main>` elements, hence the child test. */
  mainPanel: string;
  perOperationMs: number;
}

const selectors: Selectors = {
  menuItem: '[data-component-name="Menu/MenuItem"]',
  mainPanel: '#redoc main:has(> #api-content)',
  perOperationMs: 5_000,
};

/** Runs in the browser: returns [main panel lines, [href, label] of each sidebar operation, not rendered]. */
async function visitEveryOperation({ menuItem, mainPanel, perOperationMs }: Selectors): Promise<[string[], [string, string][], string[]]> {
  const lines = new Set<string>();
  const read = () => {
    const text = (document.querySelector(mainPanel) as HTMLElement | null)?.innerText ?? '';
    const now = text.split('\n').map((l) => l.trim()).filter(Boolean);
    now.forEach((l) => lines.add(l));
    return now;
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const operations = new Map<string, string>();
  const readMenu = () => {
    for (const a of document.querySelectorAll<HTMLAnchorElement>(`${menuItem} a[href^="#/"]`)) {
      operations.set(a.getAttribute('href') ?? '', a.innerText.split('\n')[0]!.trim());
    }
  };
  // Tags are the sidebar entries that are not operations; clicking one unfolds its operations.
  // React listens on the item inside the link, so that is what gets the click.
  for (const tag of document.querySelectorAll<HTMLAnchorElement>(`${menuItem} > a:not([href^="#"])`)) {
    const before = operations.size;
    ((tag.firstElementChild as HTMLElement | null) ?? tag).click();
    for (let i = 0; i < 20 && operations.size === before; i++) {
      await frame();
      readMenu();
    }
    read();
  }
  const notRendered: string[] = [];
  for (const [href, label] of operations) {
    if (lines.has(label)) continue;
    window.location.hash = href;
    const deadline = Date.now() + perOperationMs;
    // textContent needs no layout, so polling it is cheap; innerText is read once it may match.
    const panel = () => document.querySelector(mainPanel)?.textContent ?? '';
    while (!(panel().includes(label) && read().includes(label)) && Date.now() < deadline) await frame();
    if (!lines.has(label)) notRendered.push(label);
    // A page that renders nothing would otherwise wait perOperationMs for every operation.
    if (notRendered.length >= 3) break;
  }
  return [[...lines], [...operations], notRendered];
}

/** Opens every tag and every operation of the page in turn and collects what was rendered. */
export async function readRenderedReference(page: Page): Promise<RenderedReference> {
  await page.locator(selectors.mainPanel).getByText(/\S/).first().waitFor();
  const [lines, operations, notRendered] = await page.evaluate(visitEveryOperation, selectors);
  return { mainLines: new Set(lines), menuOperations: new Map(operations), notRendered };
}
