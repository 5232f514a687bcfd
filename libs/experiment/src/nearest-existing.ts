import { statSync, type Stats } from 'node:fs';
import path from 'node:path';

/** The nearest part of a path that exists (the path itself or a folder above it), and the first part below it that does not. */
export interface NearestExisting {
  path: string;
  stats: Stats;
  /** The child of `path` on the way to the target; undefined when the target itself exists. */
  firstMissing: string | undefined;
}

/**
 * Walks up from `target` to the nearest part that exists. A part that cannot be looked at (under a file, or behind a
 * folder one may not search) counts as missing, as `existsSync` counts it, so the walk goes on up to what can be seen.
 */
export function nearestExisting(target: string): NearestExisting {
  let firstMissing: string | undefined;
  for (let at = path.resolve(target); ; firstMissing = at, at = path.dirname(at)) {
    const stats = seen(at);
    if (stats) return { path: at, stats, firstMissing };
    // The root always exists; one that cannot be looked at is an error of the system, which statSync then throws.
    if (path.dirname(at) === at) return { path: at, stats: statSync(at), firstMissing };
  }
}

function seen(at: string): Stats | undefined {
  try {
    return statSync(at);
  } catch {
    return undefined;
  }
}
