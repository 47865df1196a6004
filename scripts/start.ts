/**
 * `npm start`: the main job. Starts a Prism mock of each spec (no credentials, no network), runs
 * the quickstart through both SDK clients, prints the transcript, stops the mocks.
 *
 *   npm start                                        # against the bundled mocks
 *   npm start -- --justifi-url URL --payments-url URL   # against other servers
 *
 * Credentials for other servers come from JUSTIFI_CLIENT_ID, JUSTIFI_CLIENT_SECRET,
 * JUSTIFI_SUB_ACCOUNT, PAYMENTS_API_KEY and PAYMENTS_ACCOUNT_ID.
 */
import { parseArgs } from 'node:util';
import { startMocks, type Mocks } from './lib/mocks.js';
import { runJustifiQuickstart, runPaymentsQuickstart } from './demo/quickstart.js';
import { bold, dim, green, red, Transcript } from './demo/transcript.js';

const { values } = parseArgs({
  options: { 'justifi-url': { type: 'string' }, 'payments-url': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('usage: npm start [-- --justifi-url URL] [-- --payments-url URL]');
  process.exit(0);
}

async function main(): Promise<number> {
  const started = Date.now();
  let mocks: Mocks | undefined;
  const needMocks = !values['justifi-url'] || !values['payments-url'];
  if (needMocks) {
    process.stdout.write(dim('starting Prism mocks of generated/justifi-v1.yaml and generated/payments-v1.3.yaml … '));
    mocks = await startMocks();
    console.log(dim('ready'));
  }
  const env = process.env;
  const justifiUrl = values['justifi-url'] ?? mocks!.justifi.url;
  const paymentsUrl = values['payments-url'] ?? mocks!.payments.url;
  console.log(bold('payments-sdk quickstart'));
  console.log(`  JustiFi API v1       ${justifiUrl}${values['justifi-url'] ? '' : dim('  (Prism mock)')}`);
  console.log(`  Payments API v1.3.0  ${paymentsUrl}${values['payments-url'] ? '' : dim('  (Prism mock)')}`);

  const transcript = new Transcript();
  try {
    await runJustifiQuickstart(transcript, {
      url: justifiUrl,
      clientId: env.JUSTIFI_CLIENT_ID ?? 'test_quickstart_client',
      clientSecret: env.JUSTIFI_CLIENT_SECRET ?? 'quickstart_client_secret',
      subAccount: env.JUSTIFI_SUB_ACCOUNT,
    });
    await runPaymentsQuickstart(transcript, {
      url: paymentsUrl,
      apiKey: env.PAYMENTS_API_KEY ?? 'quickstart_api_key_0001',
      accountId: env.PAYMENTS_ACCOUNT_ID ?? 'acc_quickstart',
    });
  } finally {
    await mocks?.stop();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(transcript.failures ? `\n${red(`${transcript.failures} step(s) failed`)} in ${seconds} s` : `\n${green('all steps passed')} in ${seconds} s${mocks ? dim(' (mocks stopped)') : ''}`);
  return transcript.failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(red(`npm start failed: ${error instanceof Error ? error.message : String(error)}`));
    process.exit(1);
  },
);
