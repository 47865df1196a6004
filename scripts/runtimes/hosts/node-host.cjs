// Host for Node (CommonJS): loads the installed SDK with `require`, so the CJS build is what runs.
// The scenario itself is an ES module; it is handed the required SDK and never loads it itself.
const root = require('payments-sdk');
const justifi = require('payments-sdk/justifi');
const payments = require('payments-sdk/payments');

import('./scenario.js').then(async ({ runSmoke }) => {
  const identity = { version: process.version, loadedFrom: require.resolve('payments-sdk/justifi'), evidence: { node: process.versions.node } };
  const report = await runSmoke({ root, justifi, payments }, JSON.parse(process.argv[2]), identity);
  console.log(`SMOKE-REPORT ${JSON.stringify(report)}`);
});
