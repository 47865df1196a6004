/** A browser-like environment for a test: `window`, `document` and `navigator` defined on globalThis, then restored. */
export async function inBrowserLikeGlobals<T>(run: () => T | Promise<T>): Promise<T> {
  const names = ['window', 'document', 'navigator'] as const;
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  const document = { title: 'checkout' };
  const fakes = { window: { document }, document, navigator: { userAgent: 'Mozilla/5.0 (test)' } };
  for (const name of names) Object.defineProperty(globalThis, name, { value: fakes[name], configurable: true, writable: true });
  try {
    return await run();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}
