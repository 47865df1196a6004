/** The contract suite for the JustiFi API v1, driven through `createJustifiClient`. */
import { justifiHarness } from './support/harness.js';
import { defineContractSuite } from './support/suite.js';

defineContractSuite('justifi-v1', justifiHarness);
