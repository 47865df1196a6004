/**
 * In-memory state: one `Collection` per resource, each object filed under the scope it belongs to
 * (a JustiFi account, a Payments API `x-account-id`). Objects get a sequence number when inserted,
 * which orders lists newest first and makes cursors stable: a cursor names an object, not an offset,
 * so objects created while a client pages through a list never shift the pages it has not read.
 */

/** An object as the collection holds it. */
export interface Entry<T> {
  value: T;
  scope: string;
  /** Insertion order, unique across the collection (higher is newer). */
  seq: number;
}

export interface Collection<T extends { id: string }> {
  /** Files `value` under `scope`; its `id` must be new. Returns the value. */
  insert(scope: string, value: T): T;
  /** The object with `id` if it is in `scope` (objects of other scopes are invisible). */
  get(scope: string, id: string): T | undefined;
  /** The object with `id` in any scope, with the scope it is in (for APIs whose gets are not scoped by header). */
  find(id: string): Entry<T> | undefined;
  /** Replaces the object with `id` by what `change` returns (or the mutated value when it returns nothing). */
  update(id: string, change: (value: T) => T | void): T;
  /** Entries newest first, of one scope, of the scopes `scope` accepts, or of every scope. */
  entries(scope?: string | ((scope: string) => boolean), filter?: (value: T) => boolean): Entry<T>[];
  /** Values newest first (see `entries`). */
  list(scope?: string | ((scope: string) => boolean), filter?: (value: T) => boolean): T[];
  /** Sequence number of the object with `id`, for cursors. */
  seqOf(id: string): number | undefined;
  readonly size: number;
}

let nextSeq = 1;

/** A new, empty collection. */
export function createCollection<T extends { id: string }>(): Collection<T> {
  const byId = new Map<string, Entry<T>>();
  const byScope = new Map<string, Entry<T>[]>();

  const entries: Collection<T>['entries'] = (scope, filter) => {
    let pool: Entry<T>[];
    if (typeof scope === 'string') pool = byScope.get(scope) ?? [];
    else {
      const lists = [...byScope.entries()].filter(([s]) => scope === undefined || scope(s)).map(([, l]) => l);
      pool = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a.seq - b.seq);
    }
    const out: Entry<T>[] = [];
    for (let i = pool.length - 1; i >= 0; i--) if (!filter || filter(pool[i]!.value)) out.push(pool[i]!);
    return out;
  };

  return {
    insert(scope, value) {
      if (byId.has(value.id)) throw new Error(`duplicate id ${value.id}`);
      const entry = { value, scope, seq: nextSeq++ };
      byId.set(value.id, entry);
      let list = byScope.get(scope);
      if (!list) byScope.set(scope, (list = []));
      list.push(entry);
      return value;
    },
    get(scope, id) {
      const entry = byId.get(id);
      return entry && entry.scope === scope ? entry.value : undefined;
    },
    find: (id) => byId.get(id),
    update(id, change) {
      const entry = byId.get(id);
      if (!entry) throw new Error(`no object ${id}`);
      const next = change(entry.value);
      if (next !== undefined) entry.value = next;
      return entry.value;
    },
    entries,
    list: (scope, filter) => entries(scope, filter).map((e) => e.value),
    seqOf: (id) => byId.get(id)?.seq,
    get size() {
      return byId.size;
    },
  };
}
