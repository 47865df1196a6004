/**
 * `generate --check` really notices an edited spec: a copy of a spec with one changed description
 * is regenerated in memory and compared with the committed generated/ files.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiEntryIn, apis, fromRoot, generatedFiles } from '../scripts/lib/apis.js';
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

  it('covers the SDK module and the body-optionality type test: renaming a method makes both stale', async () => {
    const root = path.join(dir, 'rename');
    const copy = apiEntryIn(root, api);
    cpSync(fromRoot('spec/justifi-v1'), path.dirname(copy.spec), { recursive: true });
    const file = path.join(path.dirname(copy.spec), 'paths', 'payouts_{id}.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('x-sdk-method: payouts.get');
    writeFileSync(file, text.replace('x-sdk-method: payouts.get', 'x-sdk-method: payouts.retrieve'));
    const fresh = await generateApi(copy);
    const stale = generatedFiles.filter((key) => fresh[key] !== readFileSync(fromRoot(api[key]), 'utf8'));
    // The types do not change (no schema did); everything that names SDK methods does.
    expect(stale).toEqual(['bundle', 'sdk', 'sdkTypeTest']);
    expect(fresh.sdk).toContain('    retrieve(id: PathParam<\'getPayout\', \'id\'>, options?: Options): Call<\'getPayout\'>;');
    expect(findStale(api, fresh)).toBe('generated/justifi-v1.yaml');
  }, 60_000);

  it('is deterministic: generating twice gives identical output', async () => {
    const [a, b] = [await generateApi(api), await generateApi(api)];
    expect(a).toEqual(b);
  }, 60_000);
});
