/** `npm run lint:spec`: every spec against redocly.yaml (recommended-strict); fails on any problem. */
import { apis } from './lib/apis.js';
import { lintSpec } from './lib/codegen.js';

let failed = false;
for (const api of apis) {
  const lint = lintSpec(api);
  console.log(lint.ok ? `lint: ${api.spec}: 0 problems` : lint.report);
  if (!lint.ok) failed = true;
}
process.exit(failed ? 1 : 0);
