/**
 * A bounded cache for pure functions of a string. A roll-up reads the same
 * texts thousands of times (every school's copy of the template's headers,
 * labels and instructions; the handful of ways schools write a deadline), and
 * Unicode normalisation or the deadline grammar costs far more than a lookup.
 * Bounded so a batch of unusual texts cannot grow it without end: when full it
 * starts over, which keeps it correct and cheap (no recency bookkeeping).
 *
 * Keys are stored as copies: a text cut from a file's decoded XML keeps the
 * whole XML alive in JavaScript engines, and a cache must not hold thousands
 * of files' XML. A caller whose results may be such a slice copies them too.
 */
import { detached } from './detached.js';

export function memoizeText<T>(fn: (text: string) => T, capacity = 4096): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= capacity) cache = new Map();
    cache.set(detached(text), value);
    return value;
  };
}
