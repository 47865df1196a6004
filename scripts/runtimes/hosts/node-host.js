// Host for Node (ESM), Bun and Deno: loads the installed SDK with `import`, as an app would, runs
// the smoke scenario and prints its report as one JSON line after the marker.
import * as root from 'payments-sdk';
import * as justifi from 'payments-sdk/justifi';
import * as payments from 'payments-sdk/payments';
import { runSmoke } from './scenario.js';

const { Deno, Bun } = globalThis;
const args = Deno ? Deno.args : process.argv.slice(2);
const identity = Deno
  ? { version: Deno.version.deno, evidence: { deno: Deno.version.deno, v8: Deno.version.v8 } }
  : Bun
    ? { version: Bun.version, evidence: { bun: Bun.version, revision: Bun.revision } }
    : { version: process.version, evidence: { node: process.versions.node } };
identity.loadedFrom = import.meta.resolve('payments-sdk/justifi');
const report = await runSmoke({ root, justifi, payments }, JSON.parse(args[0]), identity);
console.log(`SMOKE-REPORT ${JSON.stringify(report)}`);
