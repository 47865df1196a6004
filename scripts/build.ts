/**
 * `npm run build`: dist/esm (ES modules) and dist/cjs (CommonJS), file for file, each with .d.ts.
 *
 * Files are transpiled, not bundled, so every entry point shares one copy of src/core: an error
 * thrown by `payments-sdk/justifi` is `instanceof` the classes exported by `payments-sdk`.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { fromRoot, repoRoot } from './lib/apis.js';

function sources(dir: string): string[] {
  return readdirSync(fromRoot(dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(rel);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [rel] : [];
  });
}

async function main(): Promise<void> {
  const dist = fromRoot('dist');
  rmSync(dist, { recursive: true, force: true });
  const entryPoints = [...sources('src'), ...sources('generated')].map((f) => fromRoot(f));

  // Class names are part of the error brand (src/core/brand.ts): keepNames' `__name(...)` calls keep
  // them through a consumer's minifier, which would otherwise rename each copy's classes
  // differently. Only files that declare a class get it; on every function it would add ~0.8 kB
  // gzipped to a consumer's bundle.
  const declaresClass = (file: string) => /^\s*(export\s+)?(abstract\s+)?class\s/m.test(readFileSync(file, 'utf8'));
  const withClasses = entryPoints.filter(declaresClass);
  const groups = [
    { files: withClasses, keepNames: true },
    { files: entryPoints.filter((f) => !withClasses.includes(f)), keepNames: false },
  ];

  for (const format of ['esm', 'cjs'] as const) {
    for (const { files, keepNames } of groups) {
      await build({
        entryPoints: files,
        outdir: path.join(dist, format),
        outbase: repoRoot,
        format,
        // 'node' only changes the CJS output: it adds the `0 && (module.exports = {…})` annotation
        // that Node's cjs-module-lexer reads, so `import { createJustifiClient }` of the CJS files
        // sees named exports. Without bundling no Node built-in is pulled in either way.
        platform: format === 'cjs' ? 'node' : 'neutral',
        target: 'es2022',
        bundle: false,
        keepNames,
        sourcemap: false,
        logLevel: 'warning',
      });
    }
  }
  writeFileSync(path.join(dist, 'cjs', 'package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);

  const tsc = spawnSync(process.execPath, [fromRoot('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc declaration build failed');
  // openapi-typescript's output is already a .d.ts: ship it beside the emitted declarations.
  for (const file of readdirSync(fromRoot('generated')).filter((f) => f.endsWith('.d.ts'))) {
    cpSync(fromRoot(`generated/${file}`), path.join(dist, 'types', 'generated', file));
  }
  for (const format of ['esm', 'cjs'] as const) cpSync(path.join(dist, 'types'), path.join(dist, format), { recursive: true });
  rmSync(path.join(dist, 'types'), { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  console.log('build: wrote dist/esm and dist/cjs');
}

main().catch((error: unknown) => {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
