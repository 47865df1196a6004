/** The key fields a quickstart step prints for an object it got back (id, amount, status). */
export type Described = { id?: unknown; amount?: unknown; currency?: unknown; status?: unknown };

/** `id=…  amount=… usd  status=…`, leaving out what the object does not have. */
export const fields = (v: Described) => [`id=${String(v.id)}`, v.amount !== undefined ? `amount=${String(v.amount)} ${String(v.currency ?? '')}`.trim() : '', v.status !== undefined ? `status=${String(v.status)}` : ''].filter(Boolean).join('  ');
