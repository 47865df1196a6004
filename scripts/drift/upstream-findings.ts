/**
 * What `drift upstream` can find, and which findings touch the SDK's types (exit 1).
 *
 * The rule: a finding touches the SDK's types when it is about an operation the SDK has (one in
 * our spec) and regenerating the types from the vendor's version would change a TypeScript type
 * that operation's SDK method accepts or returns. openapi-typescript turns presence, required-ness
 * (`?`), JSON types, enums (literal unions) and response statuses into types, so those kinds touch
 * them. It does not type formats (`date-time` is a `string`, only a JSDoc line) or tell `integer`
 * from `number` (both `number`); a server base path is not part of the generated `paths` keys; and
 * an operation only the vendor has changes no existing method. Those kinds are reported, exit 0.
 */

export const findingKinds = [
  'ours-only-operation',
  'vendor-only-parameter',
  'ours-only-parameter',
  'vendor-only-request-body',
  'ours-only-request-body',
  'vendor-only-request-field',
  'ours-only-request-field',
  'vendor-only-status',
  'ours-only-status',
  'vendor-only-response-body',
  'ours-only-response-body',
  'vendor-only-response-field',
  'ours-only-response-field',
  'required',
  'type',
  'enum',
  'format',
  'base-path',
  'vendor-only-operation',
] as const;

export type FindingKind = (typeof findingKinds)[number];

/** The kinds that do not change any generated type of an existing SDK method (see the rule above). */
const typeNeutralKinds: ReadonlySet<FindingKind> = new Set<FindingKind>(['format', 'base-path', 'vendor-only-operation']);

/** Whether a finding of this kind touches the SDK's types (and so makes the command exit 1). */
export function touchesSdkTypes(kind: FindingKind): boolean {
  return !typeNeutralKinds.has(kind);
}

/** One operation a finding is about, on both sides. */
export interface FindingOperation {
  method: string;
  /** Our path template (absent for a vendor-only operation). */
  path?: string;
  operationId?: string;
  /** The vendor's path template and operationId (absent for an ours-only operation). */
  vendorPath?: string;
  vendorOperationId?: string;
  /** Where in the operation: `response 200 field data.amount`, `query parameter limit`. */
  where?: string;
  sdkMethods: string[];
}

export interface UpstreamFinding {
  kind: FindingKind;
  touchesTypes: boolean;
  /** One line saying what differs, the same for every operation it affects. */
  message: string;
  /** Our side and the vendor's, described (`string (date-time)`, `'a' | 'b'`, `required`). */
  ours?: string;
  vendor?: string;
  /** A likely explanation: a field renamed, an operation moved. */
  hint?: string;
  /** Our side marked `x-inferred` (or the path `x-inferred-path`) at this item or around it. */
  inferred: boolean;
  /** JSON pointer into our bundle (generated/<api>.yaml). */
  ourPointer?: string;
  /** `file:line:column` in the vendor's spec. */
  vendorAt?: string;
  operations: FindingOperation[];
  /** Every SDK method of those operations, sorted. */
  sdkMethods: string[];
}
