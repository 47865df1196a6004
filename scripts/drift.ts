/**
 * `npm run drift -- <command>` (also the `payments-sdk-drift` bin): API drift detection for CI.
 * A thin command line over scripts/drift/: parse, run one command, print its report, exit with
 * 0 (no drift), 1 (drift found) or 2 (usage or tool error). `npm run drift -- help` lists the commands.
 */
import { parseDriftArgs, usage, UsageError, type DriftCommand } from './drift/cli-args.js';

// Each command's modules are loaded only when it runs: `types` pulls in the TypeScript compiler
// (through openapi-typescript) and `diff` the SDK clients, about a second of start-up each.
async function run(command: DriftCommand): Promise<number> {
  switch (command.name) {
    case 'help':
      console.log(usage);
      return 0;
    case 'types': {
      const { checkGeneratedTypes } = await import('./drift/types-command.js');
      const result = await checkGeneratedTypes();
      (result.ok ? console.log : console.error)(result.message);
      return result.ok ? 0 : 1;
    }
    case 'diff': {
      const { diffSpecs } = await import('./drift/diff-command.js');
      const { renderDiffJson, renderDiffMarkdown, renderDiffText } = await import('./drift/render-diff.js');
      const report = await diffSpecs(command);
      const render = { text: renderDiffText, markdown: renderDiffMarkdown, json: renderDiffJson }[command.format];
      console.log(render(report));
      return report.verdict === 'breaking' ? 1 : 0;
    }
    case 'upstream': {
      const { compareUpstream } = await import('./drift/upstream-command.js');
      const { renderUpstreamJson, renderUpstreamMarkdown, renderUpstreamText } = await import('./drift/render-upstream.js');
      const { upstreamExitCode } = await import('./drift/upstream-report.js');
      const report = await compareUpstream(command);
      const render = { text: renderUpstreamText, markdown: renderUpstreamMarkdown, json: renderUpstreamJson }[command.format];
      console.log(render(report));
      return upstreamExitCode(report);
    }
    case 'traffic': {
      const { checkTraffic } = await import('./drift/traffic-command.js');
      const { renderTrafficJson, renderTrafficText } = await import('./drift/render-traffic.js');
      const report = checkTraffic(command);
      console.log((command.format === 'json' ? renderTrafficJson : renderTrafficText)(report));
      return report.verdict === 'conforms' ? 0 : 1;
    }
    case 'proxy': {
      const { runProxy } = await import('./drift/proxy-command.js');
      return runProxy(command);
    }
  }
}

async function main(): Promise<number> {
  try {
    return await run(parseDriftArgs(process.argv.slice(2)));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`drift: ${error.message}\n\n${usage}`);
    } else {
      console.error(`drift: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 2;
  }
}

main().then((code) => process.exit(code));
