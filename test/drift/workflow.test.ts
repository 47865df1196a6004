/**
 * .github/workflows/drift.yml, checked as far as it can be without GitHub: the YAML and its
 * triggers (the weekly upstream job and the nightly job each run on their own cron), every `run`
 * block parses as bash and every github-script block as JavaScript, the upstream step's script
 * itself runs against vendor specs served over https (job summary, outputs, the issue body), and
 * the issue script opens one `api-drift` issue or updates the open one, against an in-memory
 * stand-in for the GitHub REST client (the only part that needs GitHub).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fromRoot, repoRoot } from '../../scripts/lib/apis.js';
import { type HttpsServer, serveDirectory, testCertificate } from './https-server.js';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: { script?: string };
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: { job: { options: string[] } } } };
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(fromRoot('.github/workflows/drift.yml'), 'utf8')) as Workflow;
const upstream = workflow.jobs.upstream!;
const stepNamed = (job: Job, name: string) => job.steps.find((s) => s.name === name)!;
const compareStep = stepNamed(upstream, "Compare the curated specs with the vendors' published specs");
const issueStep = stepNamed(upstream, 'Open or update the api-drift issue');

describe('drift workflow: structure', () => {
  it('the weekly upstream job and the nightly job each run on their own schedule, and both can be started by hand', () => {
    expect(workflow.on.schedule.map((s) => s.cron)).toEqual(['23 4 * * *', '41 5 * * 1']);
    expect(upstream.if).toContain("github.event.schedule == '41 5 * * 1'");
    expect(workflow.jobs.nightly!.if).toContain("github.event.schedule == '23 4 * * *'");
    expect(workflow.jobs.nightly!.if).not.toContain('41 5');
    expect(workflow.on.workflow_dispatch.inputs.job.options).toEqual(['spec-diff', 'nightly', 'upstream', 'all']);
    for (const job of Object.values(workflow.jobs)) expect(job.if).toMatch(/inputs\.job == 'all'/);
  });

  it('the upstream job reads the vendor spec URLs from repository variables and may write issues', () => {
    expect(compareStep.env).toMatchObject({ JUSTIFI_PUBLISHED_SPEC_URL: '${{ vars.JUSTIFI_PUBLISHED_SPEC_URL }}', PAYMENTS_PUBLISHED_SPEC_URL: '${{ vars.PAYMENTS_PUBLISHED_SPEC_URL }}' });
    expect(compareStep.run).toContain('npm run -s drift -- upstream "$url" --api "$api" --format markdown');
    expect(upstream.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(issueStep).toMatchObject({ uses: 'actions/github-script@v7', if: "steps.upstream.outputs.drifted == 'true'" });
    expect(stepNamed(upstream, 'Fail when a spec could not be compared').if).toBe("steps.upstream.outputs.failed == 'true'");
  });

  it('every run block is valid bash and every github-script block valid JavaScript', () => {
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const runs = steps.filter((s) => s.run).map((s) => s.run!);
    expect(runs.length).toBeGreaterThan(5);
    for (const script of runs) {
      const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
      expect(check.stderr, script).toBe('');
    }
    const scripts = steps.filter((s) => s.uses?.startsWith('actions/github-script')).map((s) => s.with!.script!);
    expect(scripts).toHaveLength(2);
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => unknown;
    for (const script of scripts) expect(() => new AsyncFunction('require', 'github', 'context', 'core', script)).not.toThrow();
  });
});

/** Runs a step's script the way a GitHub runner does (`bash --noprofile --norc -eo pipefail`). */
function runStep(step: Step, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('drift workflow: the upstream comparison step', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-workflow-'));
  let server: HttpsServer;
  const files = (name: string) => path.join(dir, name);
  const read = (name: string) => (existsSync(files(name)) ? readFileSync(files(name), 'utf8') : '');
  const stepEnv = (sub: string, urls: { justifi?: string; payments?: string }) => {
    for (const f of ['summary.md', 'output.txt']) writeFileSync(path.join(dir, `${sub}-${f}`), '');
    return {
      JUSTIFI_PUBLISHED_SPEC_URL: urls.justifi ?? '',
      PAYMENTS_PUBLISHED_SPEC_URL: urls.payments ?? '',
      REPORT_DIR: path.join(dir, `${sub}-reports`),
      GITHUB_STEP_SUMMARY: path.join(dir, `${sub}-summary.md`),
      GITHUB_OUTPUT: path.join(dir, `${sub}-output.txt`),
      NODE_EXTRA_CA_CERTS: testCertificate,
    };
  };

  beforeAll(async () => {
    // A small published spec that has drifted: one operation of its own, none of ours.
    writeFileSync(files('payments.yaml'), 'openapi: 3.1.0\ninfo: {title: Payments API, version: 1.4.0}\nservers: [{url: "https://api.getfwd.com"}]\npaths:\n  /balances:\n    get: {responses: {"200": {description: ok}}}\n');
    server = await serveDirectory(dir);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a drifted spec to the job summary and the issue body, and records a spec it cannot read as failed', async () => {
    const run = await runStep(compareStep, stepEnv('both', { justifi: `${server.url}/justifi-gone.yaml`, payments: `${server.url}/payments.yaml` }));
    expect(run.code).toBe(0);
    expect(read('both-output.txt')).toBe('drifted=true\nfailed=true\n');
    const summary = read('both-summary.md');
    expect(summary).toContain('### ⚠️ drift upstream could not compare the justifi spec (exit 2)');
    expect(summary).toContain(`drift: cannot read ${server.url}/justifi-gone.yaml: GET ${server.url}/justifi-gone.yaml answered 404 Not Found`);
    expect(summary).toMatch(/^### ❌ Upstream drift: Payments API v1\.3\.0: 36 differences, 35 touching the SDK's types$/m);
    expect(run.stdout).toContain('::error::drift upstream could not compare the justifi spec (exit 2): drift: cannot read');
    // Only the drifted API's report goes into the issue.
    const issue = readFileSync(path.join(dir, 'both-reports', 'issue.md'), 'utf8');
    expect(issue).toMatch(/^### ❌ Upstream drift: Payments API v1\.3\.0/);
    expect(issue).not.toContain('justifi');
  }, 60_000);

  it('with no variable set it compares nothing, says so, and neither opens an issue nor fails', async () => {
    const run = await runStep(compareStep, stepEnv('none', {}));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::notice::The repository variable JUSTIFI_PUBLISHED_SPEC_URL is not set; the justifi spec is not compared.');
    expect(run.stdout).toContain('::notice::The repository variable PAYMENTS_PUBLISHED_SPEC_URL is not set; the payments spec is not compared.');
    expect(read('none-output.txt')).toBe('drifted=false\nfailed=false\n');
    expect(read('none-summary.md')).toBe('');
  });
});

interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  pull_request?: object;
}

/** An in-memory stand-in for the parts of Octokit the issue script calls. */
function fakeGitHub(issues: FakeIssue[], labels: string[]) {
  const calls: string[] = [];
  const notFound = () => Object.assign(new Error('Not Found'), { status: 404 });
  const rest = {
    issues: {
      getLabel: async ({ name }: { name: string }) => {
        calls.push(`getLabel ${name}`);
        if (!labels.includes(name)) throw notFound();
        return { data: { name } };
      },
      createLabel: async ({ name }: { name: string }) => {
        calls.push(`createLabel ${name}`);
        labels.push(name);
      },
      listForRepo: async ({ labels: wanted, state }: { labels: string; state: string }) => ({ data: state === 'open' ? issues.filter((i) => i.labels.includes(wanted)) : [] }),
      update: async ({ issue_number, body }: { issue_number: number; body: string }) => {
        calls.push(`update #${issue_number}`);
        issues.find((i) => i.number === issue_number)!.body = body;
      },
      create: async ({ title, labels: on, body }: { title: string; labels: string[]; body: string }) => {
        const issue = { number: 100 + issues.length, title, labels: on, body };
        calls.push(`create #${issue.number}`);
        issues.push(issue);
        return { data: issue };
      },
    },
  };
  const paginate = async (method: (args: never) => Promise<{ data: unknown[] }>, args: unknown) => (await method(args as never)).data;
  return { github: { rest, paginate }, calls };
}

async function runIssueScript(report: string, issues: FakeIssue[], labels: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-issue-'));
  const file = path.join(dir, 'issue.md');
  writeFileSync(file, report);
  const { github, calls } = fakeGitHub(issues, labels);
  const context = { repo: { owner: 'acme', repo: 'payments-sdk' }, serverUrl: 'https://github.com', runId: 42 };
  const logged: string[] = [];
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;
  const previous = process.env.REPORT;
  process.env.REPORT = file;
  try {
    await new AsyncFunction('require', 'github', 'context', 'core', issueStep.with!.script!)((id: string) => (id === 'node:fs' ? { readFileSync } : undefined), github, context, { info: (m: string) => logged.push(m) });
  } finally {
    if (previous === undefined) delete process.env.REPORT;
    else process.env.REPORT = previous;
    rmSync(dir, { recursive: true, force: true });
  }
  return { calls, logged };
}

describe('drift workflow: the api-drift issue', () => {
  it('opens one issue labelled api-drift (creating the label) when none is open', async () => {
    const issues: FakeIssue[] = [];
    const { calls, logged } = await runIssueScript('### ❌ Upstream drift: Payments API v1.3.0: 4 differences\n', issues, []);
    expect(calls).toEqual(['getLabel api-drift', 'createLabel api-drift', 'create #100']);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ labels: ['api-drift'], title: "Upstream API drift: the vendors' published specs differ from the curated specs" });
    expect(issues[0]!.body).toMatch(/^<!-- payments-sdk-upstream-drift -->\n/);
    expect(issues[0]!.body).toContain('### ❌ Upstream drift: Payments API v1.3.0: 4 differences');
    expect(issues[0]!.body).toContain('_Last checked by https://github.com/acme/payments-sdk/actions/runs/42._');
    expect(logged).toEqual(['Opened issue #100']);
  });

  it('updates the open api-drift issue it opened before instead of opening another (other labelled issues and pull requests are left alone)', async () => {
    const issues: FakeIssue[] = [
      { number: 7, title: 'A hand-written drift note', body: 'about something else', labels: ['api-drift'] },
      { number: 8, title: 'A pull request', body: '<!-- payments-sdk-upstream-drift -->', labels: ['api-drift'], pull_request: {} },
      { number: 9, title: 'Upstream API drift', body: '<!-- payments-sdk-upstream-drift -->\nold report', labels: ['api-drift'] },
    ];
    const { calls } = await runIssueScript('new report', issues, ['api-drift']);
    expect(calls).toEqual(['getLabel api-drift', 'update #9']);
    expect(issues.find((i) => i.number === 9)!.body).toContain('new report');
    expect(issues.find((i) => i.number === 9)!.body).not.toContain('old report');
    expect(issues.map((i) => i.body)).toEqual(['about something else', '<!-- payments-sdk-upstream-drift -->', expect.stringContaining('new report')]);
  });

  it('cuts a report longer than an issue may be and points to the job summary', async () => {
    const issues: FakeIssue[] = [];
    await runIssueScript('x'.repeat(70_000), issues, ['api-drift']);
    expect(issues[0]!.body.length).toBeLessThan(65_536);
    expect(issues[0]!.body).toContain('… (cut; the full report is in the job summary of https://github.com/acme/payments-sdk/actions/runs/42)');
  });
});
