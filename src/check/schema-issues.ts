// Turn zod's issues into positioned diagnostics: unknown keys with "did you mean",
// missing keys at their parent, wrong values at the value.
import type { z } from 'zod';
import type { Diagnostic } from '../load/diagnostics.ts';
import { dotted, locate, type SourceFile } from '../load/load.ts';
import { PLAIN_URL_HINT, PLAIN_URL_MESSAGE } from '../model/schema.ts';
import { closest } from '../load/suggest.ts';
import invalidValue from '../rules/invalid-value.ts';
import recoveryRequired from '../rules/recovery-required.ts';
import requiredField from '../rules/required-field.ts';
import statusRequired from '../rules/status-required.ts';
import unknownKey from '../rules/unknown-key.ts';

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** Rules with their own id when a particular required key is missing. */
const REQUIRED_RULES = new Map<string, { rule: typeof recoveryRequired | typeof statusRequired; hint: string }>([
  ['recovery', { rule: recoveryRequired, hint: 'add `recovery:` with the steps a developer takes to get past this error' }],
  ['status', { rule: statusRequired, hint: 'add `status:` with the HTTP status (or a list of statuses) this code is returned with' }],
]);

export function schemaDiagnostics(file: SourceFile, schema: AnySchema, issues: Issue[], out: Diagnostic[]): void {
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, path);
      for (const key of issue.keys) {
        const guess = closest(key, known, 1)[0];
        out.push({
          file: file.path,
          ...locate(file, [...path, key], 'key'),
          severity: unknownKey.severity,
          rule: unknownKey.id,
          message: `unknown key "${key}"${path.length ? ` in ${dotted(path)}` : ''}`,
          hint: guess ? `did you mean "${guess}"?` : `known keys: ${known.join(', ')}`,
        });
      }
      continue;
    }
    if (valueAt(file.data, path) === undefined) {
      const key = String(path.at(-1));
      const special = path.length === 1 ? REQUIRED_RULES.get(key) : undefined;
      out.push({
        file: file.path,
        ...locate(file, path.slice(0, -1), 'value'),
        severity: 'error',
        rule: (special?.rule ?? requiredField).id,
        message: `missing required key "${key}"${path.length > 1 ? ` in ${dotted(path.slice(0, -1))}` : ''}`,
        hint: special?.hint ?? `add \`${key}:\`${'expected' in issue ? ` (${issue.expected})` : ''}`,
      });
      continue;
    }
    out.push({
      file: file.path,
      ...locate(file, path),
      severity: invalidValue.severity,
      rule: invalidValue.id,
      message: `${dotted(path) || 'document'}: ${issue.message}`,
      hint: hintFor(issue),
    });
  }
}

function hintFor(issue: Issue): string {
  if (issue.code === 'invalid_format' && issue.message === PLAIN_URL_MESSAGE) return PLAIN_URL_HINT;
  if (issue.code === 'invalid_value' && 'values' in issue) return `use one of: ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_union') return 'see the field\'s description in the JSON Schema for the accepted forms';
  return 'see the JSON Schema (your editor shows it via the yaml-language-server comment)';
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur = data;
  for (const step of path) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, step)) return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur;
}

/** The keys an object schema accepts at `path`, unwrapping optionals, arrays and unions. */
export function keysAt(schema: AnySchema, path: readonly (string | number)[]): string[] {
  const candidates = descend([schema], path);
  return [...new Set(candidates.flatMap((s) => objectKeys(s)))];
}

function unwrap(s: AnySchema): AnySchema[] {
  const def = s._zod.def as { type: string; innerType?: AnySchema; options?: AnySchema[] };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [s];
}

function objectKeys(s: AnySchema): string[] {
  return unwrap(s).flatMap((u) => {
    const def = u._zod.def as { type: string; shape?: Record<string, unknown> };
    return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
  });
}

function descend(schemas: AnySchema[], path: readonly (string | number)[]): AnySchema[] {
  if (path.length === 0) return schemas;
  const [step, ...rest] = path;
  const next: AnySchema[] = [];
  for (const s of schemas.flatMap(unwrap)) {
    const def = s._zod.def as {
      type: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      valueType?: AnySchema;
    };
    if (def.type === 'object' && def.shape && typeof step === 'string' && Object.hasOwn(def.shape, step)) next.push(def.shape[step]!);
    else if (def.type === 'array' && def.element && typeof step === 'number') next.push(def.element);
    else if (def.type === 'record' && def.valueType) next.push(def.valueType);
  }
  return descend(next, rest);
}
