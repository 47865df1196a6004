/** What a call ended in, for tests that assert on the error a call must fail with. */

/** The rejection of `call`; fails the test if the call succeeded instead. */
export async function failure(call: PromiseLike<unknown>): Promise<Error> {
  let value: unknown;
  try {
    value = await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error(`expected the call to fail, but it resolved to ${JSON.stringify(value)}`);
}
