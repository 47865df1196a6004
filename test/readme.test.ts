/**
 * The README's TypeScript examples compile against the SDK as it is: each ```ts block is
 * type-checked with the project's compiler options, the package imports pointed at src/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../scripts/lib/apis.js';

const entries: Record<string, string> = {
  'payments-sdk/justifi': fromRoot('src/justifi/index.js'),
  'payments-sdk/payments': fromRoot('src/payments/index.js'),
  'payments-sdk': fromRoot('src/index.js'),
};

describe('README examples', () => {
  it('every ```ts block type-checks against the SDK', () => {
    const readme = readFileSync(fromRoot('README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'readme-'));
    try {
      const files = blocks.map((code, i) => {
        const file = path.join(dir, `example-${i}.mts`);
        const rewritten = code.replace(/from '(payments-sdk(?:\/\w+)?)'/g, (_m, name: string) => `from '${entries[name] ?? name}'`);
        writeFileSync(file, `export {};\n${rewritten}`);
        return file;
      });
      const config = ts.getParsedCommandLineOfConfigFile(fromRoot('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
      const program = ts.createProgram(files, { ...config.options, noEmit: true, noUnusedLocals: false });
      const problems = ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
        .map((d) => `${path.basename(d.file!.fileName)}:${d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
