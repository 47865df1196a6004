/** The stateful, model-based contract suite for the Payments API v1.3.0: sequences of SDK calls checked against the documented state. */
import { defineStatefulSuite } from './core/suite.js';
import { paymentsStateful } from './payments/index.js';

defineStatefulSuite(paymentsStateful, 'contracts/stateful/payments.contract.test.ts');
