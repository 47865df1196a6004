/** The runtime facts about each operation that the generator writes into generated/<api>.operations.ts. */

export type HeaderRule = 'required' | 'optional';

export interface OperationInfo {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Header parameters the spec declares for the operation, by exact name. */
  headers: Readonly<Record<string, HeaderRule>>;
  /** How to read a 2xx body. */
  parseAs: 'json' | 'text';
  deprecated: boolean;
}
