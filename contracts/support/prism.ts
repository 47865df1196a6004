/** Prism process management lives with the other dev tooling; the contract suite uses it from there. */
export * from '../../scripts/lib/prism.js';
