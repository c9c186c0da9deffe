// What one request may read: the ids of collections, the caller's rights narrowed to what the
// request asked for. Every store call that can reveal a passage or a document takes one, so a
// restricted collection is filtered inside retrieval and counts for nothing outside it.
import type { Collection } from '../contract.js';

/** Collection ids, sorted and without repeats. */
export type Scope = readonly string[];

export function scopeOf(ids: Iterable<string>): Scope {
  return [...new Set(ids)].sort();
}

/** One string per scope: what caches are keyed by. */
export function scopeKey(scope: Scope): string {
  return JSON.stringify(scope);
}

/** Every collection of an index: what the build's own tools (training, evaluation) read. */
export function wholeIndex(collections: readonly Collection[]): Scope {
  return scopeOf(collections.map((collection) => collection.id));
}
