/**
 * `npm run checks`: the static checks `npm test` runs before the tests — spec lint, `generate
 * --check` and the typecheck — side by side, since none depends on another (a 2-core CI machine
 * finishes them in the time of the slowest). Each one's output is printed whole, in this order,
 * once it is done; the exit code is 1 when any of them failed, naming which.
 */
import { spawn } from 'node:child_process';

const checks = [
  { name: 'lint:spec', args: ['run', '-s', 'lint:spec'] },
  { name: 'generate --check', args: ['run', '-s', 'generate', '--', '--check'] },
  { name: 'typecheck', args: ['run', '-s', 'typecheck'] },
];

function run(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ code: 1, output: `${output}could not start npm: ${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const results = await Promise.all(checks.map((check) => run(check.args)));
const failed: string[] = [];
results.forEach((result, i) => {
  process.stdout.write(result.output);
  if (result.code !== 0) failed.push(checks[i]!.name);
});
if (failed.length) console.error(`checks failed: ${failed.join(', ')}`);
else console.log('typecheck: 0 errors');
process.exit(failed.length ? 1 : 0);
