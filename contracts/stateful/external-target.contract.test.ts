/**
 * The stateful suite against an external target (CONTRACT_TARGET_JUSTIFI / CONTRACT_TARGET_PAYMENTS,
 * e.g. a vendor sandbox): only commands that read run unless CONTRACT_ALLOW_WRITES=1, and commands
 * whose outcome a vendor sandbox may legitimately answer otherwise are skipped with their reason.
 * A local sandbox on a loopback port stands in for the vendor's, reached as an external URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOperations, loadBundle } from '../../scripts/lib/spec-model.js';
import { apis } from '../../scripts/lib/apis.js';
import { runStateful } from './core/runner.js';
import { summary } from './core/suite.js';
import { startStatefulTarget, type StatefulTarget } from './core/target.js';
import { statefulSuites } from './definitions.js';

describe.each(statefulSuites)('stateful suite of $def.api against an external target', ({ def, testFile }) => {
  let local: StatefulTarget;
  let external: StatefulTarget;
  const methodOf = new Map(listOperations(loadBundle(apis.find((a) => a.name === def.api)!)).map((e) => [e.operationId, e.method]));
  beforeAll(async () => {
    local = await startStatefulTarget(def.api, { validate: false });
    external = await startStatefulTarget(def.api, { externalUrl: local.url });
  });
  afterAll(() => local?.stop());

  it('runs only the commands that read, naming every skipped write and why', { timeout: 120_000 }, async () => {
    expect(external.external).toBe(true);
    const result = await runStateful(def, { target: external, testFile, sequences: 30 });
    console.log(summary(result, 'an external target (read-only)'));
    expect(result.failure?.text).toBeUndefined();
    const writes = def.commands({ external: true, allowWrites: false }).filter((c) => c.write).map((c) => c.name);
    expect(result.skipped.map((s) => s.name)).toEqual(expect.arrayContaining(writes));
    for (const s of result.skipped) expect(s.reason.length).toBeGreaterThan(10);
    expect(result.commands).toBeGreaterThan(0);
    const sent = [...result.perOperation.keys()].map((id) => `${id} ${methodOf.get(id)}`);
    expect(sent.filter((s) => !s.endsWith(' get'))).toEqual([]);
  });

  it('with CONTRACT_ALLOW_WRITES=1 also writes, and still skips the local-only commands with their reasons', { timeout: 120_000 }, async () => {
    const result = await runStateful(def, { target: external, testFile, sequences: 30, allowWrites: true });
    console.log(summary(result, 'an external target (writes allowed)'));
    expect(result.failure?.text).toBeUndefined();
    const localOnly = def.commands({ external: true, allowWrites: true }).filter((c) => c.localOnly);
    expect(result.skipped).toEqual(localOnly.map((c) => ({ name: c.name, reason: c.localOnly })));
    expect([...result.perOperation.keys()].some((id) => methodOf.get(id) !== 'get')).toBe(true);
  });
});
