// Cloudflare Workers module worker (workerd, through Miniflare), bundled from the installed SDK
// the way wrangler bundles one. POST the run's config; the answer is the smoke report.
import * as root from 'payments-sdk';
import * as justifi from 'payments-sdk/justifi';
import * as payments from 'payments-sdk/payments';
import { runSmoke } from './scenario.js';

export default {
  async fetch(request) {
    const identity = { version: 'workerd', evidence: { userAgent: navigator.userAgent, hasProcess: typeof process !== 'undefined' } };
    return Response.json(await runSmoke({ root, justifi, payments }, await request.json(), identity));
  },
};
