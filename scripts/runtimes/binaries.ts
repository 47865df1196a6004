/**
 * The bun and deno executables from their npm packages. Each ships its binary in a per-platform
 * package (`@oven/bun-linux-x64`, `@deno/linux-x64-glibc`) and has an install script that moves or
 * links it into place. npm may skip those scripts (npm 11 runs a dependency's install script only
 * once it is approved), so both places are looked at: the platform package, then the install
 * script's target, and a placeholder that only prints "postinstall was not run" does not count.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../lib/apis.js';

const platform = `${process.platform}-${process.arch}`;

const candidates: Record<'bun' | 'deno', Record<string, string[]>> = {
  bun: {
    'linux-x64': ['@oven/bun-linux-x64/bin/bun'],
    'linux-arm64': ['@oven/bun-linux-aarch64/bin/bun'],
    'darwin-x64': ['@oven/bun-darwin-x64/bin/bun'],
    'darwin-arm64': ['@oven/bun-darwin-aarch64/bin/bun'],
  },
  deno: {
    'linux-x64': ['@deno/linux-x64-glibc/deno'],
    'linux-arm64': ['@deno/linux-arm64-glibc/deno'],
    'darwin-x64': ['@deno/darwin-x64/deno'],
    'darwin-arm64': ['@deno/darwin-arm64/deno'],
  },
};
/** Where each package's install script leaves the binary when it does run. */
const installScriptTargets = { bun: 'bun/bin/bun.exe', deno: 'deno/deno' };

/** ELF or Mach-O magic: a native executable rather than a shell or Node placeholder. */
function isNativeExecutable(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    const magic = head.readUInt32BE(0);
    return magic === 0x7f454c46 || [0xcffaedfe, 0xcefaedfe, 0xfeedfacf, 0xfeedface].includes(magic);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The binary's path, or why there is none. */
export function findRuntimeBinary(name: 'bun' | 'deno', nodeModules = fromRoot('node_modules')): { path: string } | { problem: string } {
  const looked = [...(candidates[name][platform] ?? []), installScriptTargets[name]].map((p) => path.join(nodeModules, p));
  const found = looked.find(isNativeExecutable);
  if (found) return { path: found };
  return { problem: `no ${name} executable for ${platform} in node_modules (looked at ${looked.join(', ')}); is the ${name} devDependency installed (npm ci)?` };
}
