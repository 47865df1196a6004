/** Both APIs' stateful definitions, with the test file that runs each (named in replay commands). */
import { justifiStateful } from './justifi/index.js';
import { paymentsStateful } from './payments/index.js';
import type { StatefulApi } from './core/types.js';

export const statefulSuites: { def: StatefulApi<object>; testFile: string }[] = [
  { def: justifiStateful as unknown as StatefulApi<object>, testFile: 'contracts/stateful/justifi.contract.test.ts' },
  { def: paymentsStateful as unknown as StatefulApi<object>, testFile: 'contracts/stateful/payments.contract.test.ts' },
];
