/**
 * Remembers a slow, rarely changing answer (home figures, national counts) for a short time, so
 * that a busy page does not recompute it per request. Data changes at harvest or import, a
 * minute of delay on aggregate figures is acceptable; pages of one project are never cached.
 */
const entries = new Map<string, { expires: number; value: Promise<unknown> }>();
/** Bounded: per-page entries (a crawler visiting 100,000 projects) must not grow memory. */
const MAX_ENTRIES = 2000;

export function memoize<T>(
  key: string,
  ttlMs: number,
  compute: () => Promise<T>,
  now = Date.now(),
): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = compute();
  entries.delete(key);
  entries.set(key, { expires: now + ttlMs, value });
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  // A failure is not remembered: the next request tries again.
  value.catch(() => entries.delete(key));
  return value;
}

export function clearMemo(): void {
  entries.clear();
}
