/**
 * `generate --check` really notices an edited spec: a copy of a spec with one changed description
 * is regenerated in memory and compared with the committed generated/ files.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apis, fromRoot } from '../scripts/lib/apis.js';
import { findStale, generateApi } from '../scripts/lib/codegen.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'generate-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generate --check', () => {
  const api = apis[0]!;

  it('finds nothing stale for the committed specs', async () => {
    expect(findStale(api, await generateApi(api))).toBeUndefined();
  }, 60_000);

  it('names the stale file after an edit to a spec file', async () => {
    const copy = path.join(dir, 'justifi-v1');
    cpSync(fromRoot('spec/justifi-v1'), copy, { recursive: true });
    const root = path.join(copy, 'openapi.yaml');
    // The untouched copy is not stale: only the edit below can make it so.
    expect(findStale(api, await generateApi({ ...api, spec: root }))).toBeUndefined();
    const text = readFileSync(root, 'utf8');
    const edited = text.replace(/^(\s*title:\s*)(.+)$/m, '$1$2 (edited)');
    expect(edited).not.toBe(text);
    writeFileSync(root, edited);
    const stale = findStale(api, await generateApi({ ...api, spec: root }));
    expect(stale).toBe('generated/justifi-v1.yaml');
  }, 60_000);

  it('is deterministic: generating twice gives identical output', async () => {
    const [a, b] = [await generateApi(api), await generateApi(api)];
    expect(a).toEqual(b);
  }, 60_000);
});
