/** The contract suite for the Payments API v1.3.0, driven through `createPaymentsClient`. */
import { paymentsHarness } from './support/harness.js';
import { defineContractSuite } from './support/suite.js';

defineContractSuite('payments-v1.3', paymentsHarness);
