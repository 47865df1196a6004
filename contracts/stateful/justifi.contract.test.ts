/** The stateful, model-based contract suite for the JustiFi API v1: sequences of SDK calls checked against the documented state. */
import { defineStatefulSuite } from './core/suite.js';
import { justifiStateful } from './justifi/index.js';

defineStatefulSuite(justifiStateful, 'contracts/stateful/justifi.contract.test.ts');
