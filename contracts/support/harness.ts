/**
 * One harness per API: how to build an SDK client wired to a recording fetch, which headers carry
 * credentials and idempotency keys, and where an error body keeps its code. Which method drives
 * each operation comes from the generated method table, so an operation added to the spec is
 * covered as soon as `npm run generate` has run.
 */
import { apis, type ApiEntry } from '../../scripts/lib/apis.js';
import { type JsonObject, listOperations, loadBundle } from '../../scripts/lib/spec-model.js';
import type { SdkModule } from '../../scripts/lib/sdk-method-map.js';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
import * as justifiSdk from '../../generated/justifi-v1.sdk.js';
import * as paymentsSdk from '../../generated/payments-v1.3.sdk.js';
import { modelOperation, type OperationModel } from './operation-model.js';
import { type OperationInput, type SdkCall, sdkCaller } from './sdk-call.js';
import type { Wire } from './wire.js';

export interface CallOptions {
  headers?: Record<string, string>;
  idempotencyKey?: string;
  accountId?: string;
}

export interface Harness {
  api: ApiEntry;
  doc: JsonObject;
  url: string;
  external: boolean;
  operations: OperationModel[];
  /** Calls the operation through its SDK method with a fresh client on `wire`. */
  call(wire: Wire, model: OperationModel, input: OperationInput, options?: CallOptions): SdkCall;
  /** Like `call`, but on a client that lacks a required scope (x-account-id) default. */
  callUnscoped?(wire: Wire, model: OperationModel, input: OperationInput): SdkCall;
  credentialHeaders: string[];
  idempotency: { header: string; minLength: number; methods: string[] };
  /** The path of the token request, for APIs whose client fetches one before its first call. */
  tokenPath?: RegExp;
  codeOf(body: unknown): string | undefined;
}

/**
 * The SDK build under test: the API entry its bundle and generated files are read from, its generated
 * SDK module, and its client factory. The defaults are this repository's; a test that
 * regenerates a changed spec elsewhere passes that build instead.
 */
export interface SdkBuild<CreateClient> {
  api: ApiEntry;
  module: SdkModule;
  createClient: CreateClient;
}

const noRetries = { maxRetries: 0, timeoutMs: 15_000 };

const byName = (name: ApiEntry['name']) => apis.find((a) => a.name === name)!;

/** The parts of a harness that come from the bundled spec, the generated table and the target. */
function specPart(build: SdkBuild<unknown>, url: string, external: boolean) {
  const doc = loadBundle(build.api);
  return { api: build.api, doc, url, external, operations: listOperations(doc).map((e) => modelOperation(doc, e)) };
}

export function justifiHarness(url: string, external: boolean, build: SdkBuild<typeof createJustifiClient> = { api: byName('justifi-v1'), module: justifiSdk, createClient: createJustifiClient }): Harness {
  const spec = specPart(build, url, external);
  // The one operation without credentials is the token exchange the client makes before its first call.
  const token = spec.operations.find((o) => !o.secured);
  const call = sdkCaller(build.module);
  // Against Prism any credentials do; against a sandbox they come from the environment.
  const env = process.env;
  const client = (wire: Wire) =>
    build.createClient({
      clientId: env.JUSTIFI_CLIENT_ID || 'test_contract_client',
      clientSecret: env.JUSTIFI_CLIENT_SECRET || 'contract_client_secret',
      baseUrl: url,
      tokenUrl: env.JUSTIFI_TOKEN_URL || undefined,
      fetch: wire.fetch,
      subAccount: env.JUSTIFI_SUB_ACCOUNT || 'acc_contract',
      ...noRetries,
    });
  return {
    ...spec,
    call: (wire, model, input, options = {}) => call(client(wire), model.operationId, input, options),
    credentialHeaders: ['authorization'],
    idempotency: { header: 'Idempotency-Key', minLength: 1, methods: ['post', 'patch'] },
    tokenPath: token?.pathPattern,
    codeOf: (body) => (body as { error?: { code?: string } } | undefined)?.error?.code,
  };
}

export function paymentsHarness(url: string, external: boolean, build: SdkBuild<typeof createPaymentsClient> = { api: byName('payments-v1.3'), module: paymentsSdk, createClient: createPaymentsClient }): Harness {
  const env = process.env;
  const scope = { accountId: env.PAYMENTS_ACCOUNT_ID || 'acc_contract', businessId: env.PAYMENTS_BUSINESS_ID || 'biz_contract' };
  const call = sdkCaller(build.module);
  const client = (wire: Wire, scoped = true) =>
    build.createClient({ apiKey: env.PAYMENTS_API_KEY || 'contract_api_key_0123456789', baseUrl: url, fetch: wire.fetch, ...(scoped ? scope : {}), ...noRetries });
  return {
    ...specPart(build, url, external),
    call: (wire, model, input, options = {}) => call(client(wire), model.operationId, input, options),
    callUnscoped: (wire, model, input) => call(client(wire, false), model.operationId, input, {}),
    credentialHeaders: ['x-api-key'],
    idempotency: { header: 'x-idempotency-key', minLength: 10, methods: ['post', 'put'] },
    codeOf: (body) => {
      const code = (body as { code?: unknown } | undefined)?.code;
      return typeof code === 'string' ? code : typeof code === 'number' ? String(code) : undefined;
    },
  };
}
