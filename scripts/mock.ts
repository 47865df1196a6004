/** `npm run mock`: both Prism mocks for local development, until Ctrl-C. */
import { startMocks } from './lib/mocks.js';

const mocks = await startMocks();
console.log('Prism mocks are running (Ctrl-C to stop):');
console.log(`  JustiFi API v1       ${mocks.justifi.url}   e.g. createJustifiClient({ clientId: 'test_x', clientSecret: 'y', baseUrl: '${mocks.justifi.url}' })`);
console.log(`  Payments API v1.3.0  ${mocks.payments.url}   e.g. createPaymentsClient({ apiKey: 'k', accountId: 'acc_1', baseUrl: '${mocks.payments.url}' })`);
const stop = () => {
  void mocks.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
