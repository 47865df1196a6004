/**
 * `npm start`: the main job. Starts the stateful sandbox of each API behind a Prism proxy (so Prism
 * validates every exchange against the bundled spec), with its webhooks posted to a local receiver
 * that verifies them with the SDK; runs the quickstart through both SDK clients, prints the
 * transcript, stops everything. No credentials, no network.
 *
 *   npm start                                           # against the sandboxes, behind Prism proxies
 *   npm start -- --mock                                 # against static Prism mocks (the specs' examples)
 *   npm start -- --justifi-url URL --payments-url URL   # against other servers
 *
 * Credentials for other servers come from JUSTIFI_CLIENT_ID, JUSTIFI_CLIENT_SECRET,
 * JUSTIFI_SUB_ACCOUNT, PAYMENTS_API_KEY and PAYMENTS_ACCOUNT_ID.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startSandbox, type Sandbox } from '../sandbox/index.js';
import { derivePaymentsWebhookSecret, startWebhookReceiver, type WebhookReceiver } from '../sandbox/webhooks/index.js';
import type { QuickstartWebhooks } from './demo/webhook-step.js';
import { startMocks, type Mocks } from './lib/mocks.js';
import { runJustifiQuickstart, runPaymentsQuickstart } from './demo/quickstart.js';
import { bold, dim, green, red, Transcript } from './demo/transcript.js';

const { values } = parseArgs({
  options: { 'justifi-url': { type: 'string' }, 'payments-url': { type: 'string' }, mock: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});
if (values.help) {
  console.log('usage: npm start [-- --mock] [-- --justifi-url URL] [-- --payments-url URL]');
  process.exit(0);
}

async function main(): Promise<number> {
  const started = Date.now();
  let mocks: Mocks | undefined;
  let sandbox: Sandbox | undefined;
  let receiver: WebhookReceiver | undefined;
  const needLocal = !values['justifi-url'] || !values['payments-url'];
  if (needLocal && values.mock) {
    process.stdout.write(dim('starting Prism mocks of generated/justifi-v1.yaml and generated/payments-v1.3.yaml … '));
    mocks = await startMocks();
    console.log(dim('ready'));
  } else if (needLocal) {
    process.stdout.write(dim('starting the stateful sandboxes behind Prism proxies (prism proxy generated/<api>.yaml <sandbox> --errors) … '));
    // A secret for this run only, known to the sandbox and the receiver, never printed.
    const justifiSecret = randomBytes(24).toString('base64url');
    receiver = await startWebhookReceiver({ justifiSecret, paymentsSecret: derivePaymentsWebhookSecret(justifiSecret) });
    sandbox = await startSandbox({ validate: true, webhooks: { url: receiver.url, justifiSecret } }).catch(async (error: unknown) => {
      await receiver?.close();
      throw error;
    });
    console.log(dim('ready'));
  }
  const local = mocks ? { justifi: mocks.justifi.url, payments: mocks.payments.url, what: 'Prism mock' } : sandbox ? { justifi: sandbox.justifi.url, payments: sandbox.payments.url, what: 'sandbox, validated by a Prism proxy' } : undefined;
  const env = process.env;
  const justifiUrl = values['justifi-url'] ?? local!.justifi;
  const paymentsUrl = values['payments-url'] ?? local!.payments;
  console.log(bold('payments-sdk quickstart'));
  console.log(`  JustiFi API v1       ${justifiUrl}${values['justifi-url'] ? '' : dim(`  (${local!.what})`)}`);
  console.log(`  Payments API v1.3.0  ${paymentsUrl}${values['payments-url'] ? '' : dim(`  (${local!.what})`)}`);
  if (receiver) console.log(`  webhooks             ${receiver.url}${dim('  (a local receiver; the sandbox posts every event to it, signed)')}`);
  // Only the sandbox delivers events, and only to the receiver it was given.
  const webhooksFor = (otherUrl: string | undefined): QuickstartWebhooks =>
    receiver && !otherUrl ? { receiver } : { unavailable: otherUrl ? `${otherUrl} is not the local sandbox, so no webhook can reach a local receiver` : 'a Prism mock delivers no webhooks (the sandbox does: npm start without --mock)' };

  const transcript = new Transcript();
  try {
    await runJustifiQuickstart(transcript, {
      url: justifiUrl,
      clientId: env.JUSTIFI_CLIENT_ID ?? 'test_quickstart_client',
      clientSecret: env.JUSTIFI_CLIENT_SECRET ?? 'quickstart_client_secret',
      subAccount: env.JUSTIFI_SUB_ACCOUNT,
      mock: Boolean(mocks) && !values['justifi-url'],
      webhooks: webhooksFor(values['justifi-url']),
    });
    await runPaymentsQuickstart(transcript, {
      url: paymentsUrl,
      apiKey: env.PAYMENTS_API_KEY ?? 'quickstart_api_key_0001',
      accountId: env.PAYMENTS_ACCOUNT_ID ?? 'acc_quickstart',
      webhooks: webhooksFor(values['payments-url']),
    });
  } finally {
    await mocks?.stop();
    await sandbox?.stop();
    await receiver?.close();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const stopped = mocks ? ' (mocks stopped)' : sandbox ? ' (sandboxes, proxies and webhook receiver stopped)' : '';
  console.log(transcript.failures ? `\n${red(`${transcript.failures} step(s) failed`)} in ${seconds} s` : `\n${green('all steps passed')} in ${seconds} s${dim(stopped)}`);
  return transcript.failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(red(`npm start failed: ${error instanceof Error ? error.message : String(error)}`));
    process.exit(1);
  },
);
