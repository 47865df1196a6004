/**
 * What actually crossed the wire: a fetch wrapper that records each exchange (request headers and
 * body, response status, headers and text) beneath the SDK, so the checks can judge the server's
 * real answer and a failure can be replayed with curl.
 */

export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody: string | undefined;
  status: number;
  responseHeaders: Headers;
  responseText: string;
}

export interface Wire {
  fetch: typeof fetch;
  exchanges: Exchange[];
  /** Headers to remove from every outgoing request (to test missing credentials). */
  strip: Set<string>;
  clear(): void;
}

export function createWire(): Wire {
  const wire: Wire = {
    exchanges: [],
    strip: new Set(),
    clear() {
      wire.exchanges.length = 0;
    },
    async fetch(input, init) {
      const request = new Request(input, init);
      const headers = new Headers(request.headers);
      for (const name of wire.strip) headers.delete(name);
      const body = request.body ? await request.text() : undefined;
      const response = await fetch(request.url, { method: request.method, headers, body, signal: request.signal });
      const responseText = await response.clone().text();
      wire.exchanges.push({
        method: request.method,
        url: request.url,
        requestHeaders: Object.fromEntries(headers.entries()),
        requestBody: body,
        status: response.status,
        responseHeaders: response.headers,
        responseText,
      });
      return response;
    },
  };
  return wire;
}

const placeholders: Record<string, string> = {
  authorization: 'Bearer $JUSTIFI_ACCESS_TOKEN',
  'x-api-key': '$PAYMENTS_API_KEY',
};

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A curl command that replays an exchange's request, credentials replaced by placeholders. */
export function toCurl(exchange: Pick<Exchange, 'method' | 'url' | 'requestHeaders' | 'requestBody'>): string {
  const parts = ['curl', '-i', '-X', exchange.method, shellQuote(exchange.url)];
  for (const [name, value] of Object.entries(exchange.requestHeaders)) {
    const shown = placeholders[name.toLowerCase()] ?? value;
    parts.push('-H', placeholders[name.toLowerCase()] ? `"${name}: ${shown}"` : shellQuote(`${name}: ${shown}`));
  }
  if (exchange.requestBody !== undefined) {
    const body = exchange.requestBody
      .replace(/("client_secret"\s*:\s*)"[^"]*"/g, '$1"$JUSTIFI_CLIENT_SECRET"')
      .replace(/("client_id"\s*:\s*)"[^"]*"/g, '$1"$JUSTIFI_CLIENT_ID"');
    parts.push('--data', shellQuote(body));
  }
  return parts.join(' ');
}
