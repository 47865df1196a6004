/**
 * Whether one runtime passed: its report read against the server's own record of the run's
 * requests. A runtime cannot pass by saying so; each step needs the requests that prove it.
 */
import { type SeenRequest, tokenFor, webhookIdsFor } from './api-server.js';
import type { RunOutcome, Runner } from './runner.js';
import { type ErrorObservation, type RetryObservation, type SmokeReport, stepNames, type WebhookObservation } from './scenario.js';

const expectedIds = { justifi: 'py_created', payments: 'pi_created' } as const;
const writePaths = { justifi: '/payments', payments: '/payment_intents' } as const;
const keyHeaders = { justifi: 'idempotency-key', payments: 'x-idempotency-key' } as const;

type Api = 'justifi' | 'payments';
const webhookNames = { justifi: 'payment.succeeded', payments: 'payment_intent.succeeded' } as const;
type Check = (observed: unknown, requests: SeenRequest[], run: string) => string[];

const sent = (requests: SeenRequest[], api: Api, method: string, pathname: string) => requests.filter((r) => r.api === api && r.method === method && r.path === pathname);

function calledOnce(api: Api, pathname: string, id: string): Check {
  return (observed, requests) => {
    const problems: string[] = [];
    if ((observed as { id?: unknown }).id !== id) problems.push(`returned ${JSON.stringify(observed)}, not id ${id}`);
    const calls = sent(requests, api, 'GET', pathname);
    if (calls.length !== 1 || calls[0]!.status !== 200) problems.push(`server saw ${calls.length} GET ${pathname} (statuses ${calls.map((c) => c.status).join(',') || 'none'})`);
    return problems;
  };
}

const notFound: Check = (observed, _requests, run) =>
  (['justifi', 'payments'] as const).flatMap((api) => {
    const seen = (observed as Record<Api, ErrorObservation>)[api];
    const problems: string[] = [];
    if (!seen?.isNotFoundError || !seen.isApiError) problems.push(`${api} 404 was not a NotFoundError: ${JSON.stringify(seen)}`);
    else if (seen.status !== 404 || seen.code !== 'not_found') problems.push(`${api} 404 carried status ${String(seen.status)}, code ${String(seen.code)}`);
    // x-request-id is not CORS-safelisted: a browser shows it only when the server exposes it.
    else if (seen.requestId !== `req_${run}_${api}_404`) problems.push(`${api} 404 requestId ${String(seen.requestId)}, not the server's x-request-id`);
    return problems;
  });

const retried: Check = (observed, requests) =>
  (['justifi', 'payments'] as const).flatMap((api) => {
    const seen = (observed as Record<Api, RetryObservation>)[api];
    const attempts = sent(requests, api, 'POST', writePaths[api]);
    const keys = attempts.map((a) => a.headers[keyHeaders[api]]);
    const problems: string[] = [];
    if (seen?.id !== expectedIds[api]) problems.push(`${api} write returned ${JSON.stringify(seen?.id)}`);
    if (attempts.map((a) => a.status).join(',') !== '503,201') problems.push(`${api} write: server saw attempts ${attempts.map((a) => a.status).join(',') || 'none'}, not 503 then 201`);
    else if (typeof keys[0] !== 'string' || keys[0] !== keys[1]) problems.push(`${api} write: ${keyHeaders[api]} ${JSON.stringify(keys)} differs between attempts`);
    else if (seen.idempotencyKey !== keys[0]) problems.push(`${api} write: the call reports key ${String(seen.idempotencyKey)}, the server saw ${keys[0]}`);
    // The wait came from Retry-After: 0.05 (50 ms; 0 would mean "use backoff"), which a browser shows only when the server exposes it.
    if (seen?.retries?.length !== 1 || !seen.retries[0]!.reason.includes('Retry-After')) problems.push(`${api} write: retries ${JSON.stringify(seen?.retries)}, not one honouring Retry-After`);
    return problems;
  });

const verified: Check = (observed, requests, run) =>
  (['justifi', 'payments'] as const).flatMap((api) => {
    const seen = (observed as Record<Api, WebhookObservation>)[api];
    const problems: string[] = [];
    const fetched = requests.filter((r) => r.api === 'webhooks' && r.method === 'GET' && r.path === `/${api}` && r.status === 200);
    if (fetched.length !== 1) problems.push(`${api} webhook: server signed ${fetched.length} deliveries (one expected)`);
    if (seen?.id !== webhookIdsFor(run)[api] || seen.name !== webhookNames[api]) problems.push(`${api} webhook: verified ${JSON.stringify({ id: seen?.id, name: seen?.name })}, not the delivery the server signed`);
    const tampered = seen?.tampered;
    if (tampered === 'accepted' || !tampered?.isWebhookVerificationError || tampered.reason !== 'bad_signature') problems.push(`${api} webhook: a tampered body gave ${JSON.stringify(tampered)}, not WebhookVerificationError bad_signature`);
    return problems;
  });

const checks: Record<(typeof stepNames)[number], Check> = {
  'justifi call': calledOnce('justifi', '/payments/py_smoke', 'py_smoke'),
  'payments call': calledOnce('payments', '/payment_intents/pi_smoke', 'pi_smoke'),
  '404 as NotFoundError': notFound,
  '503 retried with one idempotency key': retried,
  'webhook verified': verified,
};

/** Problems with how the runtime ran: the runtime it claims to be, the build it loaded, CORS. */
function runtimeProblems(runner: Runner, outcome: RunOutcome, requests: SeenRequest[]): string[] {
  const problems: string[] = [];
  const identity = outcome.report!.identity;
  const wrongRuntime = runner.checkIdentity(identity, outcome.version);
  if (wrongRuntime) problems.push(wrongRuntime);
  const loadedFrom = identity.loadedFrom ?? outcome.loadedFrom ?? '';
  if (!loadedFrom.includes(`/node_modules/payments-sdk/dist/${runner.build}/`)) problems.push(`SDK loaded from ${loadedFrom || 'an unknown place'}, not the installed package's dist/${runner.build}`);
  const preflights = requests.filter((r) => r.method === 'OPTIONS');
  if (runner.crossOrigin && preflights.length === 0) problems.push('no CORS preflight reached the server: the calls were not cross-origin');
  if (!runner.crossOrigin && preflights.length > 0) problems.push(`${preflights.length} unexpected CORS preflights`);
  return problems;
}

/**
 * Problems with the scenario's steps, each read against the requests the server saw for `run`,
 * plus the rules every step relies on: one token fetched and used, no credentials refused.
 */
export function judgeSteps(report: SmokeReport, requests: SeenRequest[], run: string): string[] {
  const problems: string[] = [];
  const tokens = sent(requests, 'justifi', 'POST', '/oauth/token');
  if (tokens.length !== 1 || tokens[0]!.status !== 200) problems.push(`${tokens.length} token requests (one expected, shared by every call)`);
  const justifiCalls = requests.filter((r) => r.api === 'justifi' && r.path !== '/oauth/token' && r.method !== 'OPTIONS');
  if (justifiCalls.some((r) => r.headers.authorization !== `Bearer ${tokenFor(run)}`)) problems.push('a JustiFi call went without the fetched token');
  const refused = requests.filter((r) => r.status === 401);
  if (refused.length) problems.push(`server refused credentials on ${refused.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  for (const step of stepNames) {
    const result = report.steps.find((s) => s.step === step);
    if (!result) problems.push(`${step}: not run`);
    else if (result.error !== undefined) problems.push(`${step}: threw ${result.error}`);
    else problems.push(...checks[step](result.observed, requests, run).map((p) => `${step}: ${p}`));
  }
  return problems;
}

/** Every problem with one runtime's run; none means it passed. */
export function judge(runner: Runner, outcome: RunOutcome, requests: SeenRequest[], run: string): string[] {
  if (outcome.failure || !outcome.report) return [outcome.failure ?? 'no report'];
  return [...runtimeProblems(runner, outcome, requests), ...judgeSteps(outcome.report, requests, run)];
}
