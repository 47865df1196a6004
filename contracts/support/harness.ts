/**
 * One harness per API: how to build an SDK client wired to a recording fetch, which method
 * drives each operation, which headers carry credentials and idempotency keys, and where an
 * error body keeps its code.
 */
import { apis, type ApiEntry } from '../../scripts/lib/apis.js';
import { type JsonObject, listOperations, loadBundle } from '../../scripts/lib/spec-model.js';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
import { modelOperation, type OperationModel } from './operation-model.js';
import { justifiMethods, type OperationInput, paymentsMethods, type SdkCall } from './sdk-methods.js';
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
  /** Calls the operation through the SDK with a fresh client on `wire`. */
  call(wire: Wire, model: OperationModel, input: OperationInput, options?: CallOptions): SdkCall;
  /** Like `call`, but on a client that lacks a required scope (x-account-id) default. */
  callUnscoped?(wire: Wire, model: OperationModel, input: OperationInput): SdkCall;
  /** The exchange that carried the operation itself (not the token request). */
  isOperationRequest(pathname: string, model: OperationModel): boolean;
  credentialHeaders: string[];
  /** Operations whose body the SDK builds itself, so a whole-body break cannot be sent. */
  composedBodies?: string[];
  idempotency: { header: string; minLength: number; methods: string[] };
  /** The path of the token request, for APIs that fetch one. */
  tokenPath?: RegExp;
  codeOf(body: unknown): string | undefined;
}

const noRetries = { maxRetries: 0, timeoutMs: 15_000 };

/** The parts of a harness that come from the bundled spec and the target. */
function specPart(name: ApiEntry['name'], url: string, external: boolean) {
  const api = apis.find((a) => a.name === name)!;
  const doc = loadBundle(api);
  return { api, doc, url, external, operations: listOperations(doc).map((e) => modelOperation(doc, e)) };
}

export function justifiHarness(url: string, external: boolean): Harness {
  const tokenPath = /\/oauth\/token$/;
  // Against Prism any credentials do; against a sandbox they come from the environment.
  const env = process.env;
  const client = (wire: Wire, clientId: string = env.JUSTIFI_CLIENT_ID || 'test_contract_client', clientSecret: string = env.JUSTIFI_CLIENT_SECRET || 'contract_client_secret') =>
    createJustifiClient({ clientId, clientSecret, baseUrl: url, tokenUrl: env.JUSTIFI_TOKEN_URL || undefined, fetch: wire.fetch, subAccount: env.JUSTIFI_SUB_ACCOUNT || 'acc_contract', ...noRetries });
  return {
    ...specPart('justifi-v1', url, external),
    call(wire, model, input, options = {}) {
      if (model.operationId === 'createAccessToken') {
        // The token request is made by the client's auth: credentials come from the generated body.
        // The SDK always posts both fields; absent or empty ones get placeholders, anything else
        // (a wrong type from a negative case) is passed on for the SDK to refuse.
        const body = (input.body ?? {}) as { client_id?: unknown; client_secret?: unknown };
        const pick = (value: unknown, fallback: string) => (value === undefined || value === '' ? fallback : (value as string));
        const run = () =>
          client(wire, pick(body.client_id, 'test_contract_client'), pick(body.client_secret, 'contract_client_secret')).payouts.list({ limit: 1 } as never, options);
        return { then: (ok, fail) => Promise.resolve().then(run).then(ok, fail) };
      }
      return justifiMethods[model.operationId]!(client(wire), input, options);
    },
    isOperationRequest: (pathname, model) => (model.operationId === 'createAccessToken') === tokenPath.test(pathname),
    credentialHeaders: ['authorization'],
    composedBodies: ['createAccessToken'],
    idempotency: { header: 'Idempotency-Key', minLength: 1, methods: ['post', 'patch'] },
    tokenPath,
    codeOf: (body) => (body as { error?: { code?: string } } | undefined)?.error?.code,
  };
}

export function paymentsHarness(url: string, external: boolean): Harness {
  const env = process.env;
  const scope = { accountId: env.PAYMENTS_ACCOUNT_ID || 'acc_contract', businessId: env.PAYMENTS_BUSINESS_ID || 'biz_contract' };
  const client = (wire: Wire, scoped = true) =>
    createPaymentsClient({ apiKey: env.PAYMENTS_API_KEY || 'contract_api_key_0123456789', baseUrl: url, fetch: wire.fetch, ...(scoped ? scope : {}), ...noRetries });
  return {
    ...specPart('payments-v1.3', url, external),
    call: (wire, model, input, options = {}) => paymentsMethods[model.operationId]!(client(wire), input, options),
    callUnscoped: (wire, model, input) => paymentsMethods[model.operationId]!(client(wire, false), input, {}),
    isOperationRequest: () => true,
    credentialHeaders: ['x-api-key'],
    idempotency: { header: 'x-idempotency-key', minLength: 10, methods: ['post', 'put'] },
    codeOf: (body) => {
      const code = (body as { code?: unknown } | undefined)?.code;
      return typeof code === 'string' ? code : typeof code === 'number' ? String(code) : undefined;
    },
  };
}
