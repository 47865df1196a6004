/** Where the benchmark finds the repository it measures. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An absolute path from a path relative to the repository root. */
export function fromRepo(relative: string): string {
  return path.join(repoRoot, relative);
}

/** An absolute path to a file in bench/. */
export function fromBench(file: string): string {
  return path.join(repoRoot, 'bench', file);
}
