/**
 * One side of a spec diff, as given on the command line: a file, or `<git-ref>:<path>` such as
 * `origin/main:spec/justifi-v1/openapi.yaml`. Either way it ends up as one self-contained file,
 * because the specs are split over many files and Redocly's diff reports JSON pointers: bundling
 * both sides the same way makes those pointers comparable and resolvable in one document.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../lib/apis.js';
import { runRedocly } from '../lib/redocly.js';
import type { JsonObject } from '../lib/spec-model.js';
import { UsageError } from './cli-args.js';

export interface SpecSide {
  /** What the user passed, for reports. */
  label: string;
  /** A single-file spec (the original if it was already self-contained, else a bundle). */
  file: string;
  /** The parsed document of `file`, parsed on first use (a 6,000-line YAML file takes most of a second). */
  doc(): JsonObject;
}

/** Where relative paths on the command line start: `npm run` changes to the package root, INIT_CWD keeps the caller's. */
export function userPath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function git(args: string[], input?: Buffer): { status: number; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { cwd: repoRoot, input, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new Error(`git ${args[0]} failed: ${result.error.message}`);
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString() };
}

/** Copies the folder holding the spec's root file, as it is at `ref`, into `dir`; returns the root file there. */
function checkoutSpecAt(ref: string, specPath: string, dir: string): string {
  if (git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).status !== 0) {
    throw new UsageError(`"${ref}" is not a git ref here (in ${repoRoot}); fetch it first, e.g. git fetch origin main`);
  }
  const relative = path.posix.normalize(specPath.replace(/\\/g, '/')).replace(/^\.\//, '');
  // The whole folder, not just the root file: the root $refs paths/ and components/ beside it.
  const archive = git(['archive', '--format=tar', ref, '--', path.posix.dirname(relative)]);
  if (archive.status !== 0) throw new UsageError(`${specPath} does not exist at ${ref}: ${archive.stderr.trim()}`);
  mkdirSync(dir, { recursive: true });
  const untar = spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`could not unpack ${ref}:${specPath}: ${untar.stderr?.toString() ?? untar.error?.message}`);
  const root = path.join(dir, relative);
  if (!existsSync(root)) throw new UsageError(`${specPath} does not exist at ${ref}`);
  return root;
}

/**
 * True when every `$ref` in the text is local (`#/...`), i.e. there is nothing to bundle. A text
 * test, so a file that needs no bundling is not parsed just to find out; anything that looks like
 * an external `$ref` is bundled, which is always safe.
 */
function selfContained(text: string): boolean {
  return !/["']?\$ref["']?\s*:\s*["']?(?!#)[^\s"',}]/.test(text);
}

function lazyDoc(file: string): () => JsonObject {
  let doc: JsonObject | undefined;
  return () => (doc ??= parse(readFileSync(file, 'utf8')) as JsonObject);
}

/**
 * Turns a command-line spec argument into a single-file spec, working in `workDir` (a temp dir
 * the caller removes). `name` keeps the two sides apart inside it.
 */
export function loadSpecSide(arg: string, workDir: string, name: 'base' | 'revision'): SpecSide {
  let root = userPath(arg);
  if (!existsSync(root)) {
    const gitRef = /^(?![A-Za-z]:[\\/])([^:]+):(.+)$/.exec(arg);
    if (!gitRef) throw new UsageError(`${arg}: no such file (for a git version, write <ref>:<path>, e.g. origin/main:spec/justifi-v1/openapi.yaml)`);
    root = checkoutSpecAt(gitRef[1]!, gitRef[2]!, path.join(workDir, `${name}-checkout`));
  }
  const text = readFileSync(root, 'utf8');
  if (!/^\s*["']?(openapi|swagger)["']?\s*:/m.test(text)) throw new UsageError(`${arg} is not an OpenAPI document`);
  if (selfContained(text)) return { label: arg, file: root, doc: lazyDoc(root) };
  const file = path.join(workDir, `${name}.yaml`);
  const bundled = runRedocly(['bundle', root, '-o', file]);
  if (bundled.status !== 0) throw new Error(`redocly bundle failed for ${arg}:\n${bundled.stdout}${bundled.stderr}`);
  return { label: arg, file, doc: lazyDoc(file) };
}
