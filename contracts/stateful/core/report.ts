/**
 * The failure report of a stateful run: the broken rule, the shrunk sequence as the SDK script a
 * user can paste (ids of earlier results as variables), the same requests as curl lines with
 * credentials as placeholders, and the command that replays the run.
 */
import { toCurl } from '../../support/wire.js';
import type { RealSide } from './real.js';
import { RuleViolation } from './types.js';

export interface FailureReport {
  /** The documented rule the run broke, when a command named one (else the error's message). */
  rule: string | undefined;
  message: string;
  /** The shrunk commands, as fast-check describes them. */
  commands: string[];
  script: string[];
  curl: string[];
  replay: string;
  /** All of the above, as printed. */
  text: string;
}

export interface ReportInput {
  api: string;
  clientScript: string;
  error: unknown;
  commands: string[];
  real: RealSide | undefined;
  seed: number;
  path: string | undefined;
  testFile: string;
}

const indent = (lines: string[]) => lines.map((l) => `    ${l}`);

export function failureReport(input: ReportInput): FailureReport {
  const violation = input.error instanceof RuleViolation ? input.error : undefined;
  const message = input.error instanceof Error ? input.error.message : String(input.error);
  const script = [input.clientScript, ...(input.real?.script.map((l) => l.text) ?? [])];
  const curl = input.real?.exchanges.map(toCurl) ?? [];
  const replay = `CONTRACT_SEED=${input.seed} CONTRACT_PATH='${input.path ?? ''}' npx vitest run --project contracts ${input.testFile}`;
  const text = [
    `[${input.api}] stateful: ${violation ? `rule "${violation.rule}" broken` : 'a command failed'}`,
    `  ${violation ? violation.detail : message}`,
    `  shrunk to ${input.commands.length} command${input.commands.length === 1 ? '' : 's'}: ${input.commands.join(', ')}`,
    '  as an SDK script (the last call broke the rule):',
    ...indent(script),
    '  as curl (credentials as placeholders):',
    ...indent(curl),
    `  replay: ${replay}`,
  ].join('\n');
  return { rule: violation?.rule, message, commands: input.commands, script, curl, replay, text };
}
