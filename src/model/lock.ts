// The lock's entries (shipped.yaml): what the catalog promised about each shipped code.
// Part of the model, so the rules that compare a catalog with its lock (src/rules/) and the
// check that reads it (src/check/stability.ts) share one definition.
import { z } from 'zod';
import { VERSION } from './schema.ts';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

const version = z.string().regex(VERSION).optional();
const date = z.string().regex(DAY, 'must be a date, YYYY-MM-DD').optional();
export const entrySchema = z.strictObject({
  status: z.array(z.number().int()).min(1),
  category: z.string(),
  // When the code first shipped. Locks written before `ship` recorded it have neither:
  // they read as shipped at an unknown time, and keep working as they are.
  version,
  date,
  // The release that shipped the code's deprecation and its retirement; absent in locks
  // written before lifecycle changes were recorded (the changelog then reads `lifecycle.since`).
  deprecated: z.strictObject({ version, date }).optional(),
  retired: z.strictObject({ version, date }).optional(),
});
export type LockEntry = z.output<typeof entrySchema>;
/**
 * A Map, never a plain object: a code named `constructor`, `toString` or `__proto__` must
 * be an entry like any other (`in` and `obj[code]` would find Object.prototype's members,
 * and zod's record drops a `__proto__` key).
 */
export type Lock = Map<string, LockEntry>;

export interface Shipped {
  /** API version the code first shipped in, e.g. `v1.3`. */
  version?: string;
  /** Day it shipped, YYYY-MM-DD. */
  date?: string;
}

/** A code's history in the lock: when it shipped, and when its lifecycle changes did. */
export interface ShippedHistory extends Shipped {
  deprecated?: Shipped;
  retired?: Shipped;
}
