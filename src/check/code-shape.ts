// A code file whose shape is right is taken as it is, without zod's parse: zod checks
// each value of each of 10,000 files through its generic machinery and copies every object
// it returns, where a compiled validator (src/check/code-shape-validator.ts) only tests.
// zod still parses every file that fails the test, to say what is wrong in its words.
import type { z } from 'zod';
import { codeSchema, type CodeFile } from '../model/schema.ts';
import { acceptsCode } from './code-shape-validator.ts';

/**
 * `data` as zod would return it, when `accepts` (a test that accepts only what codeSchema
 * accepts) passes it; undefined when zod must parse it.
 */
export function fastCodeShape(data: unknown, accepts = acceptsCode): CodeFile | undefined {
  if (!accepts?.(data)) return undefined;
  const out = inZodOrder(codeSchema, data);
  return out === REFUSED ? undefined : (out as CodeFile);
}

/** What inZodOrder gives for a value it does not know zod's output of. */
export const REFUSED = Symbol('refused');

/**
 * A value that `schema` accepts, as zod returns it: zod returns an object's keys in the
 * order of its schema, whatever the file's order. The value itself when its keys are in
 * that order already (most files), else a copy of the objects out of order. Conservative:
 * REFUSED for a schema or value it does not know zod's output of.
 */
export function inZodOrder(schema: z.core.$ZodType, value: unknown): unknown {
  return ordering(schema)(value);
}

type Order = (value: unknown) => unknown;
// One function for each schema, made once: 10,000 files go through the same few.
const orderings = new WeakMap<z.core.$ZodType, Order>();

function ordering(schema: z.core.$ZodType): Order {
  let order = orderings.get(schema);
  if (!order) {
    // Set before it is made: a schema that contains itself reaches this, not a loop.
    orderings.set(schema, (value) => order!(value));
    order = makeOrdering(schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>);
    orderings.set(schema, order);
  }
  return order;
}

function makeOrdering(def: z.core.$ZodTypeDef & Record<string, unknown>): Order {
  switch (def.type) {
    case 'string': case 'number': case 'boolean': case 'enum': case 'literal':
      return (value) => value;
    case 'optional': {
      const inner = ordering(def.innerType as z.core.$ZodType);
      return (value) => (value === undefined ? value : inner(value));
    }
    case 'array': {
      const element = ordering(def.element as z.core.$ZodType);
      return (value) => {
        if (!Array.isArray(value)) return REFUSED;
        let out = value;
        for (let i = 0; i < value.length; i++) {
          const v = element(value[i]);
          if (v === REFUSED) return REFUSED;
          if (v !== value[i]) (out === value ? (out = [...value]) : out)[i] = v;
        }
        return out;
      };
    }
    case 'union':
      // (A status: a number or a list of them; nothing a union holds here has keys.)
      return (value) => (typeof value !== 'object' || (Array.isArray(value) && value.every((v) => typeof v !== 'object')) ? value : REFUSED);
    case 'record': {
      const item = ordering(def.valueType as z.core.$ZodType);
      return (value) => {
        // zod drops a `__proto__` key from a record.
        if (!isPlain(value) || Object.hasOwn(value, '__proto__')) return REFUSED;
        let out = value;
        for (const k of Object.keys(value)) {
          const v = item(value[k]);
          if (v === REFUSED) return REFUSED;
          if (v !== value[k]) (out === value ? (out = { ...value }) : out)[k] = v;
        }
        return out;
      };
    }
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const names = Object.keys(shape);
      const orders = names.map((k) => ordering(shape[k]!));
      const known = new Set(names);
      return (value) => {
        if (!isPlain(value)) return REFUSED;
        // The keys are followed along the schema's (one pass, no lookups) while they come
        // in its order; a key before the last one found ends the pass.
        let j = 0;
        let inOrder = true;
        let changed: Record<string, unknown> | undefined;
        for (const k in value) {
          // A key zod does not know (a strict object refuses it).
          if (!Object.hasOwn(value, k) || !known.has(k)) return REFUSED;
          let at = j;
          while (at < names.length && names[at] !== k) at++;
          if (at === names.length) {
            inOrder = false;
            at = names.indexOf(k);
          } else j = at + 1;
          const v = orders[at]!(value[k]);
          if (v === REFUSED) return REFUSED;
          if (v !== value[k]) (changed ??= {})[k] = v;
        }
        if (inOrder && !changed) return value;
        // As zod builds it: the schema's keys that the value has, in the schema's order.
        const out: Record<string, unknown> = {};
        for (const k of names) if (Object.hasOwn(value, k)) out[k] = changed && Object.hasOwn(changed, k) ? changed[k] : value[k];
        return out;
      };
    }
    default:
      return () => REFUSED;
  }
}
function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}
