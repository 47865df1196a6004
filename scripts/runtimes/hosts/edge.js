// Vercel Edge Runtime (the `edge-runtime` package) fetch handler, bundled from the installed SDK
// the way an edge function is. POST the run's config; the answer is the smoke report.
import * as root from 'payments-sdk';
import * as justifi from 'payments-sdk/justifi';
import * as payments from 'payments-sdk/payments';
import { runSmoke } from './scenario.js';

addEventListener('fetch', (event) => {
  const identity = { version: 'edge-runtime', evidence: { EdgeRuntime: globalThis.EdgeRuntime, hasProcess: typeof process !== 'undefined' } };
  event.respondWith(event.request.json().then((config) => runSmoke({ root, justifi, payments }, config, identity)).then((report) => Response.json(report)));
});
