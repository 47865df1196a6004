/**
 * The generated body-optionality type test (test/types/<api>.sdk-bodies.ts, run by
 * `npm run typecheck`) has teeth: compiled against a generated SDK module whose signatures were
 * changed in memory (a body made required, one made optional, one dropped, one added where the
 * spec has none), it fails on exactly the checks of those four methods, and on nothing else.
 * (Against the module as generated it passes: `npm run typecheck` compiles it.)
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { apis, fromRoot } from '../../scripts/lib/apis.js';

const api = apis.find((a) => a.name === 'justifi-v1')!;
const typeTest = fromRoot(api.sdkTypeTest);
const sdkModule = fromRoot(api.sdk);

/** Line numbers (1-based) of the type test that report an error, with `sdkText` in place of the generated module. */
function failingLines(sdkText: string): number[] {
  const config = ts.getParsedCommandLineOfConfigFile(fromRoot('tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const options = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, onError) => (file === sdkModule ? ts.createSourceFile(file, sdkText, language) : read(file, language, onError));
  const program = ts.createProgram([typeTest], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === typeTest)
    .map((d) => d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1);
}

/** The line of the check comparing a method's signature with the spec. */
function checkLine(method: string): number {
  const index = readFileSync(typeTest, 'utf8').split('\n').findIndex((l) => l.includes(`BodyArgumentRuleOf<SdkResources${method}`));
  expect(index, method).toBeGreaterThan(0);
  return index + 1;
}

function edit(text: string, from: string, to: string): string {
  expect(text, from).toContain(from);
  return text.replace(from, to);
}

describe('the body-optionality type test', () => {
  const generated = readFileSync(sdkModule, 'utf8');

  it('fails on exactly the methods whose body argument disagrees with the spec', () => {
    let changed = edit(generated, "refund(id: PathParam<'refundPayment', 'id'>, body?: Body<'refundPayment'>", "refund(id: PathParam<'refundPayment', 'id'>, body: Body<'refundPayment'>");
    changed = edit(changed, "clone(token: PathParam<'clonePaymentMethod', 'token'>, body: Body<'clonePaymentMethod'>", "clone(token: PathParam<'clonePaymentMethod', 'token'>, body?: Body<'clonePaymentMethod'>");
    changed = edit(changed, "capture(id: PathParam<'capturePaymentIntent', 'id'>, body?: Body<'capturePaymentIntent'>, options", "capture(id: PathParam<'capturePaymentIntent', 'id'>, options");
    changed = edit(changed, "capture(id: PathParam<'capturePayment', 'id'>, options", "capture(id: PathParam<'capturePayment', 'id'>, body: { amount: number }, options");
    const expected = ["['payments']['refund']", "['paymentMethods']['clone']", "['paymentIntents']['capture']", "['payments']['capture']"].map(checkLine).sort((a, b) => a - b);
    expect(failingLines(changed).sort((a, b) => a - b)).toEqual(expected);
  }, 60_000);
});
