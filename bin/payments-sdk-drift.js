#!/usr/bin/env node
// The `payments-sdk-drift` bin: the same tool as `npm run drift`, for CI jobs and workspaces that
// depend on this package. The tool is TypeScript run with tsx and drives the Redocly CLI and
// Prism, all development dependencies, so the published package does not carry it: from a source
// checkout (or a monorepo workspace linking one) it runs scripts/drift.ts with the same
// arguments; from an installed package it says where to run it and exits 2.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(packageRoot, 'scripts', 'drift.ts');

function unavailable(reason) {
  console.error(
    `payments-sdk-drift: ${reason}\n` +
      'The drift tool runs from a source checkout of payments-sdk, where it needs the dev toolchain\n' +
      '(tsx, Redocly CLI, Prism): clone the repository, run `npm ci`, then `npm run drift -- help`\n' +
      '(or this bin from there).',
  );
  process.exit(2);
}

if (!existsSync(script)) unavailable('scripts/drift.ts is not in this copy of payments-sdk (the published package leaves it out).');

let tsx;
try {
  // Resolved from this file, so a workspace's hoisted node_modules is found too.
  tsx = await import('tsx/esm/api');
} catch (error) {
  if (error && (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND')) unavailable('tsx is not installed (run `npm ci` in the checkout).');
  throw error;
}

// Register tsx's loader in this process and run the CLI here: argv, stdio and Ctrl-C stay as they are.
tsx.register();
await import(pathToFileURL(script).href);
