/**
 * One error hierarchy across copies of the SDK.
 *
 * An app can hold the SDK twice: `import` loads dist/esm and `require` loads dist/cjs, and two
 * dependencies may each install their own copy. Each copy defines its own classes, so a plain
 * `instanceof NotFoundError` fails for an error thrown by the other copy. The base class therefore
 * carries a brand under a `Symbol.for` key (the global symbol registry is shared by every copy and
 * every realm), and its `Symbol.hasInstance` accepts a value whose class lineage, read up to the
 * branded base, ends with the tested class's lineage: `NotFoundError → ApiError → PaymentsSdkError`
 * from the other copy is an `ApiError` here, and a plain `ApiError` is not a `NotFoundError`. Within
 * one copy only the ordinary prototype check counts, so a user's class that copies a name and a
 * place in the hierarchy is not taken for the SDK's own.
 *
 * Why a brand rather than one CommonJS core that the ESM build re-exports: a CJS core only unifies
 * the two formats of one install in Node, breaks runtimes that load the ES modules natively (browsers,
 * Deno, workerd), and does nothing for two installs. The brand works everywhere `instanceof` does.
 *
 * Lineage is read from class names, which the build keeps (esbuild `keepNames`) so that a
 * consumer's minifier cannot rename the classes of each copy differently. The `/1` in the key is
 * the brand's version: a release that changes the hierarchy incompatibly bumps it, so copies that
 * disagree about what a class means stop recognising each other.
 */

const brandKey = Symbol.for('payments-sdk.error-brand/1');

const ordinaryHasInstance = Function.prototype[Symbol.hasInstance];

interface Lineage {
  /** Class names from the value's class up to the branded base. */
  names: string[];
  /** The branded base's prototype: which copy of the SDK the class belongs to. */
  root: object;
}

/** The lineage of `proto`'s class; undefined when no branded base is on its prototype chain. */
function lineageOf(proto: unknown): Lineage | undefined {
  const names: string[] = [];
  for (let p = proto; typeof p === 'object' && p !== null; p = Object.getPrototypeOf(p)) {
    const ctor = Object.getOwnPropertyDescriptor(p, 'constructor')?.value as { name?: unknown } | undefined;
    names.push(typeof ctor?.name === 'string' ? ctor.name : '');
    if (Object.prototype.hasOwnProperty.call(p, brandKey)) return { names, root: p };
  }
  return undefined;
}

/** Lineages of this copy's classes never change once defined: compute each once. */
const ownLineages = new WeakMap<object, Lineage | undefined>();

/** Marks `base` as the root of a branded hierarchy (call once, on the base class). */
export function brandRoot(base: abstract new (...args: never[]) => unknown): void {
  Object.defineProperty(base.prototype, brandKey, { value: true });
}

/**
 * `value instanceof target`, extended to instances of the same class from another copy of the SDK.
 * The ordinary prototype check runs first, so within one copy nothing changes.
 */
export function isBrandedInstance(target: abstract new (...args: never[]) => unknown, value: unknown): boolean {
  if (ordinaryHasInstance.call(target, value)) return true;
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  if (!ownLineages.has(target)) ownLineages.set(target, lineageOf(target.prototype));
  const wanted = ownLineages.get(target);
  const actual = lineageOf(Object.getPrototypeOf(value));
  // Within one copy the prototype check above is the whole answer: a lookalike class there is not ours.
  if (!wanted || !actual || actual.root === wanted.root || actual.names.length < wanted.names.length) return false;
  const offset = actual.names.length - wanted.names.length;
  return wanted.names.every((name, i) => name !== '' && actual.names[offset + i] === name);
}
