// A code as a list of readable fields (`recovery`, `headers[Retry-After].description`,
// `examples[1].code`), and what changed between two versions of one: word diffs of text,
// line diffs of example bodies, before/after of values, lifecycle in words. Nothing is
// cut: every change keeps both whole texts.
import { diffLines, diffWordsWithSpace, type ChangeObject } from 'diff';

type Data = Record<string, unknown>;
export type Path = (string | number)[];

export interface Field {
  /** Readable name, e.g. `headers[Retry-After].description`. */
  label: string;
  /** Where the value sits in the YAML document, for positions. */
  path: Path;
  /** text: prose (word diff); block: example body (line diff); value: a scalar; lifecycle: the state in words. */
  kind: 'text' | 'block' | 'value' | 'lifecycle';
  value: string;
  /** What equality compares when not the value (a status list, compared as a set). */
  compare?: string;
}

export interface Piece {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface FieldChange {
  field: string;
  path: Path;
  kind: Field['kind'];
  /** Whole texts; absent when the field did not exist on that side. */
  before?: string;
  after?: string;
  /** The change as pieces: words for text and lifecycle, lines for blocks. */
  diff: Piece[];
  /** Line of the field in the head file, when it is still there: its first changed line. */
  line?: number;
  /** Last changed line of the field, when the change spans several. */
  endLine?: number;
}

/** Arrays of entries keyed by one of these are labelled by it; others by 1-based position. */
const KEYS = ['name', 'code', 'value', 'id'];
/** Fields that hold a code's identity rather than content. */
const IDENTITY = new Set(['code', 'anchor']);

/** "deprecated since 2026-11-01, replaced by `new_code`", or "active". */
export function lifecycleWords(l: unknown): string {
  if (!l || typeof l !== 'object') return 'active';
  const { state, since, replacement } = l as Data;
  const words = [String(state ?? 'changed')];
  if (since !== undefined) words.push(`since ${String(since)}`);
  return `${words.join(' ')}${replacement !== undefined ? `, replaced by \`${String(replacement)}\`` : ''}`;
}

export function statusWords(s: unknown): string {
  return Array.isArray(s) ? s.map(String).join(', ') : String(s ?? '?');
}

function keyOf(items: unknown[], label: string): string | undefined {
  // Examples are numbered: their `code` is the body, not a name.
  if (/(^|\.)examples?$/.test(label)) return undefined;
  return KEYS.find((k) => {
    const seen = new Set<unknown>();
    return items.every((i) => i && typeof i === 'object' && typeof (i as Data)[k] === 'string' && /^[^\n]{1,80}$/.test((i as Data)[k] as string) && !seen.has((i as Data)[k]) && seen.add((i as Data)[k]));
  });
}

/** Every leaf of a code, in file order, with its label and kind. */
export function fieldsOf(data: Data): Field[] {
  const out: Field[] = [];
  const walk = (v: unknown, label: string, path: Path, top: string): void => {
    // Statuses are a set: compared in order, so another order is no change.
    if (path.length === 1 && top === 'status') return void out.push({ label, path, kind: 'value', value: statusWords(v), ...(Array.isArray(v) ? { compare: v.map(String).sort().join() } : {}) });
    if (path.length === 1 && top === 'lifecycle') {
      out.push({ label, path, kind: 'lifecycle', value: lifecycleWords(v) });
      const note = (v as Data | null)?.note;
      if (note !== undefined) walk(note, 'lifecycle.note', [...path, 'note'], top);
      return;
    }
    if (Array.isArray(v)) {
      const key = keyOf(v, label);
      v.forEach((item, i) => walk(item, `${label}[${key ? String((item as Data)[key]) : i + 1}]`, [...path, i], top));
      if (!v.length) out.push({ label, path, kind: 'value', value: '[]' });
      return;
    }
    if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Data)) walk(child, `${label}.${k}`, [...path, k], top);
      return;
    }
    if (typeof v === 'string') {
      const block = path.at(-1) === 'code' && path.some((p) => p === 'examples' || p === 'example');
      // One word (a category, a class name, a header value) is a value, not prose.
      const word = /^\S{1,80}$/.test(v);
      return void out.push({ label, path, kind: block ? 'block' : word ? 'value' : 'text', value: v });
    }
    out.push({ label, path, kind: 'value', value: v === null ? 'null' : String(v) });
  };
  for (const [k, v] of Object.entries(data)) if (!IDENTITY.has(k)) walk(v, k, [k], k);
  return out;
}

// Bounded work on hostile input: past this many edits a diff is shown as whole before/after.
const MAX_EDITS = 4000;

export function wordDiff(before: string, after: string): Piece[] {
  const d = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITS });
  return d ? d.map(piece) : whole(before, after);
}

export function lineDiff(before: string, after: string): Piece[] {
  const d = diffLines(before, after, { maxEditLength: MAX_EDITS });
  return d ? d.map(piece) : whole(before, after);
}

const piece = (c: ChangeObject<string>): Piece => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) });
const whole = (before: string, after: string): Piece[] =>
  [...(before ? [{ value: before, removed: true }] : []), ...(after ? [{ value: after, added: true }] : [])];

/** Field-by-field changes from one version of a code to another, in the order of the newer file. */
export function compareFields(before: Data, after: Data): FieldChange[] {
  const was = new Map(fieldsOf(before).map((f) => [f.label, f]));
  const now = fieldsOf(after);
  const out: FieldChange[] = [];
  const change = (label: string, a: Field | undefined, b: Field | undefined) => {
    const f = (b ?? a)!;
    // A code without a lifecycle is active: "active -> deprecated since ...", both ways.
    if (f.kind === 'lifecycle') {
      a ??= { ...f, value: lifecycleWords(undefined) };
      b ??= { ...f, value: lifecycleWords(undefined) };
    }
    // A value that became prose (or back): compare the two as values, not as text.
    if (a && b && a.kind !== b.kind) a = { ...a, kind: 'value' }, b = { ...b, kind: 'value' };
    const diff = f.kind === 'block' ? lineDiff(a?.value ?? '', b?.value ?? '') : wordDiff(a?.value ?? '', b?.value ?? '');
    out.push({ field: label, path: f.path, kind: (b ?? a)!.kind, ...(a ? { before: a.value } : {}), ...(b ? { after: b.value } : {}), diff });
  };
  for (const f of now) {
    const old = was.get(f.label);
    was.delete(f.label);
    if (!old || (old.compare ?? old.value) !== (f.compare ?? f.value)) change(f.label, old, f);
  }
  for (const [label, old] of was) change(label, old, undefined);
  return out;
}
