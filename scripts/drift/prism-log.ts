/**
 * Reading Prism 5's proxy log as a stream of exchanges and violations. Prism reports violations
 * only as log lines (`[VALIDATOR] ✖ error Violation: response.body.data.amount ...`), written
 * after the line saying what the upstream returned, so each violation belongs to the exchange
 * announced last. Prism writes one request's lines together; under heavy concurrency two
 * exchanges' lines can interleave, so a violation may then be shown under its neighbour.
 */
export interface ProxyExchange {
  method: string;
  path: string;
  status: number;
}

export interface ProxyViolation {
  /** `undocumented status`, `missing required field`, `wrong type`, `unknown enum value`, ... */
  kind: string;
  severity: 'error' | 'warning';
  /** Prism's location: `response.body.data.amount`, `request.query.limit`, `response`. */
  location: string;
  message: string;
  exchange?: ProxyExchange;
}

export type ProxyEvent = { type: 'listening'; url: string } | { type: 'exchange'; exchange: ProxyExchange } | { type: 'violation'; violation: ProxyViolation };

const kinds: [RegExp, string][] = [
  [/Unable to match the returned status code/, 'undocumented status'],
  [/must have required property/, 'missing required field'],
  [/must be (integer|number|string|boolean|object|array|null)\b/, 'wrong type'],
  [/must be equal to one of the allowed values|must be equal to constant/, 'unknown enum value'],
  [/Selected route not found|Route not resolved/, 'undocumented endpoint'],
  [/security/i, 'authentication'],
];

function kindOf(message: string): string {
  return kinds.find(([re]) => re.test(message))?.[1] ?? 'violation';
}

/** Returns a line parser that keeps track of the current exchange; it answers each log line with the events it carries. */
export function prismLogParser(): (line: string) => ProxyEvent[] {
  const methodByPath = new Map<string, string>();
  let current: ProxyExchange | undefined;
  return (raw) => {
    const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
    let m = /Prism is listening on (\S+)/.exec(line);
    if (m) return [{ type: 'listening', url: m[1]! }];
    m = /\[HTTP SERVER\] (\w+) (\S+) .*Request received/.exec(line);
    if (m) {
      methodByPath.set(m[2]!.split('?')[0]!, m[1]!.toUpperCase());
      return [];
    }
    m = /The upstream call to (\S+) has returned (\d+)/.exec(line);
    if (m) {
      const path = m[1]!.split('?')[0]!;
      current = { method: methodByPath.get(path) ?? '?', path, status: Number(m[2]) };
      return [{ type: 'exchange', exchange: current }];
    }
    m = /\[VALIDATOR\]\s+\S+\s+(error|warning)\s+Violation: (\S+) (.*)$/.exec(line);
    if (m) {
      const message = m[3]!.trim();
      return [{ type: 'violation', violation: { kind: kindOf(message), severity: m[1] as 'error' | 'warning', location: m[2]!, message, exchange: current } }];
    }
    // With --errors Prism answers a violating exchange with a 500 and logs only that it did.
    m = /\[HTTP SERVER\] (\w+) (\S+) .*Request terminated with error: \S*#VIOLATIONS/.exec(line);
    if (m) {
      const exchange = { method: m[1]!.toUpperCase(), path: m[2]!.split('?')[0]!, status: 500 };
      const message = 'Request/response not valid; Prism answered 500 with the violations in its body (--errors).';
      return [{ type: 'violation', violation: { kind: 'violation', severity: 'error', location: 'exchange', message, exchange } }];
    }
    return [];
  };
}
