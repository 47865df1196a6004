/**
 * Redocly CLI plugin `sdk` (loaded by redocly.yaml): the part of the `x-sdk-method` lint that a
 * configurable rule cannot express. redocly.yaml's `rule/x-sdk-method-*` rules check that every
 * operation has a well-formed name; this rule checks that no two operations share one, because
 * `npm run generate` emits exactly one SDK method per operation.
 *
 * Plain JavaScript: Redocly loads plugins itself, without the project's TypeScript loader.
 */

/** Reports an operation whose `x-sdk-method` an earlier operation of the same document already uses. */
function XSdkMethodUnique() {
  /** x-sdk-method → the operation that claimed it first. */
  const claimed = new Map();
  return {
    // Nested under Paths and PathItem: operations of `webhooks:` and callbacks are not SDK methods.
    Paths: {
      PathItem: {
        Operation: {
          enter(operation, ctx) {
            const name = operation['x-sdk-method'];
            if (typeof name !== 'string') return;
            const here = operation.operationId ?? ctx.location.pointer;
            const first = claimed.get(name);
            if (first === undefined) {
              claimed.set(name, here);
              return;
            }
            ctx.report({
              message: `x-sdk-method \`${name}\` is already the SDK method of ${first}: every operation needs its own.`,
              location: ctx.location.child('x-sdk-method'),
            });
          },
        },
      },
    },
  };
}

export default function sdkPlugin() {
  return {
    id: 'sdk',
    rules: {
      oas3: { 'x-sdk-method-unique': XSdkMethodUnique },
    },
  };
}
