// Who is asking, as the request's session tells (auth/session.ts): nobody in particular, or a
// signed-in colleague with the groups the identity provider gave them. What they may read
// follows from the index's collections: the public ones, and those naming one of their groups.
import type { Collection, IndexManifest } from '../contract.js';
import { type Scope, scopeOf } from './scope.js';

export type Viewer = { signedIn: false } | { signedIn: true; subject: string; name: string | null; groups: readonly string[] };

export const ANONYMOUS: Viewer = { signedIn: false };

declare module 'hono' {
  interface ContextVariableMap {
    viewer: Viewer;
  }
}

export function mayRead(collection: Collection, viewer: Viewer): boolean {
  return collection.public || (viewer.signedIn && collection.groups.some((group) => viewer.groups.includes(group)));
}

/** The collections the viewer may read, in the index's order. */
export function readableCollections(collections: readonly Collection[], viewer: Viewer): Collection[] {
  return collections.filter((collection) => mayRead(collection, viewer));
}

/** What one request reads: the viewer's collections, narrowed to those it asked for (when it asked). */
export function scopeFor(collections: readonly Collection[], viewer: Viewer, requested?: readonly string[]): Scope {
  const readable = readableCollections(collections, viewer).map((collection) => collection.id);
  return scopeOf(requested ? readable.filter((id) => requested.includes(id)) : readable);
}

/**
 * The manifest as this viewer may see it: no collection it may not read is named, nor a skipped
 * file in one. (With a single collection every file is in it.)
 */
export function manifestFor(manifest: IndexManifest, viewer: Viewer): IndexManifest {
  const readable = readableCollections(manifest.collections, viewer);
  const ids = new Set(readable.map((collection) => collection.id));
  const whole = manifest.collections.length === 1;
  return {
    ...manifest,
    collections: readable,
    skipped: manifest.skipped.filter(({ file }) => (whole ? ids.size > 0 : ids.has(file.split('/')[0]!))),
  };
}
