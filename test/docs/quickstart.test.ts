import { describe, expect, it } from 'vitest';
import { quickstartSamples, toSnippet } from '../../scripts/docs/quickstart.js';

describe('landing page quickstart', () => {
  it('imports from the package entry point and drops the example file header', () => {
    const source = "// header\n// more\nimport { createJustifiClient } from '../../../src/justifi/index.js';\n\ncreateJustifiClient;\n";
    expect(toSnippet(source, '../../../src/justifi/index.js', 'payments-sdk/justifi')).toBe(
      "import { createJustifiClient } from 'payments-sdk/justifi';\n\ncreateJustifiClient;",
    );
  });

  it('shows both clients with create, list, pagination and error handling', () => {
    const [justifi, payments] = quickstartSamples();
    expect(justifi?.code).toMatch(/createJustifiClient[\s\S]*\.create\([\s\S]*for await[\s\S]*catch/);
    expect(payments?.code).toMatch(/createPaymentsClient[\s\S]*\.create\([\s\S]*nextPage[\s\S]*for await[\s\S]*catch/);
    for (const sample of [justifi, payments]) expect(sample?.code).not.toContain('../');
  });
});
