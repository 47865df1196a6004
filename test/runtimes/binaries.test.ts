/** Runtime binaries from npm packages, found whether or not npm ran their install scripts. */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRuntimeBinary } from '../../scripts/runtimes/binaries.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function nodeModules(files: Record<string, 'native' | string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runtime-binaries-'));
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    // Node's own executable stands in for a native binary: the check reads the file's magic number.
    if (content === 'native') symlinkSync(process.execPath, target);
    else writeFileSync(target, content);
    chmodSync(target, 0o755);
  }
  return dir;
}

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('runtime binaries', () => {
  it('takes bun from its platform package when the install script did not run', () => {
    const dir = nodeModules({ '@oven/bun-linux-x64/bin/bun': 'native', 'bun/bin/bun.exe': 'echo "Error: Bun\'s postinstall script was not run." >&2; exit 1' });
    expect(findRuntimeBinary('bun', dir)).toEqual({ path: path.join(dir, '@oven/bun-linux-x64/bin/bun') });
  });

  it('takes bun from where its install script moved it', () => {
    const dir = nodeModules({ 'bun/bin/bun.exe': 'native' });
    expect(findRuntimeBinary('bun', dir)).toEqual({ path: path.join(dir, 'bun/bin/bun.exe') });
  });

  it('names what it looked for when only the placeholder is there', () => {
    const dir = nodeModules({ 'bun/bin/bun.exe': 'echo "postinstall was not run"; exit 1' });
    const found = findRuntimeBinary('bun', dir);
    expect(found).toEqual({ problem: expect.stringContaining('no bun executable for linux-x64') });
    expect((found as { problem: string }).problem).toContain(path.join(dir, 'bun/bin/bun.exe'));
  });

  it('takes deno from its platform package', () => {
    const dir = nodeModules({ '@deno/linux-x64-glibc/deno': 'native' });
    expect(findRuntimeBinary('deno', dir)).toEqual({ path: path.join(dir, '@deno/linux-x64-glibc/deno') });
  });
});
