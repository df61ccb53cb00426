// A YAML OpenAPI document is walked on js-yaml's data (the parse the validation uses) when
// both parsers read it alike, its offsets found by a block scanner on demand
// (openapi-yaml-node.ts); before, `yaml`'s positions parse read it. Both must give every
// node the same offset and key order, and every finding the same rule, message and
// file:line:col: checked on random YAML in varied styles (block, flow, quoted keys,
// comments, block scalars, anchors and aliases, odd indentation) and on random OpenAPI
// documents written so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocument, type Node } from 'yaml';
import { childOf, itemsOf, offsetOf, pairsOf, scalarValue, type DocFile } from '../../src/bridges/openapi-tree.ts';
import { readyText, yamlShapeProblem } from '../../src/bridges/openapi.ts';
import { walkableFile, YamlDataNode } from '../../src/bridges/openapi-yaml-node.ts';
import { coreScalar, readYaml } from '../../src/bridges/openapi-yaml-read.ts';
import { bothWays, catalogs, openapi, sameNodes } from './openapi-walk-arbitrary.ts';

/** The file as the walk read it before: `yaml` with positions. */
const yamlFile = (path: string, text: string): DocFile => ({ path, text, data: undefined, doc: parseDocument(text, { prettyErrors: false }) });
const fastFile = (path: string, text: string): DocFile => walkableFile(path, text, undefined, readYaml(text), yamlShapeProblem);

interface Style {
  indent: number;
  /** A mapping's sequence at the mapping's own column. */
  sameColumnSeq: boolean;
  quote: 'plain' | 'single' | 'double' | 'mixed';
  comments: boolean;
  blockScalars: boolean;
  flow: boolean;
  anchors: boolean;
  /** A document start marker on the first line (`---`, as many published documents open). */
  marker: '' | '---\n' | '--- # a comment\n' | '---   \n';
}

const PLAIN = /^[A-Za-z_/$][A-Za-z0-9_ ./{}~é$+-]*$/;
function plainOk(s: string): boolean {
  return PLAIN.test(s) && !s.endsWith(' ') && !coreScalar(s).typed;
}

/** YAML for a value, in the style drawn (and, when `pick` says, a different way per node). */
function writeYaml(value: unknown, style: Style, pick: () => number): string {
  return style.marker + writeBody(value, style, pick);
}

function writeBody(value: unknown, style: Style, pick: () => number): string {
  const anchors = new Map<string, string>();
  let comment = 0;
  const key = (k: string): string => {
    const q = style.quote === 'mixed' ? (['plain', 'single', 'double'] as const)[pick() % 3]! : style.quote;
    if (q === 'plain' && (plainOk(k) || /^(?:0|[1-9][0-9]{0,5})$/.test(k))) return k;
    if (q === 'single' && !/[\n\\\u0000-\u001f\u007f-\u009f]/.test(k)) return `'${k.replace(/'/g, "''")}'`;
    return JSON.stringify(k);
  };
  const scalar = (v: unknown, pad: string): string => {
    if (v === null) return ['~', 'null', ''][pick() % 3]!; // `key:` alone is null too
    if (typeof v !== 'string') return JSON.stringify(v);
    if (style.blockScalars && /^[A-Za-z][A-Za-z0-9 .,_:#-]*(?:\n[A-Za-z][A-Za-z0-9 .,_:#-]*)*$/.test(v) && !/ $| \n/m.test(v) && pick() % 2) {
      // Literal or folded, stripped or clipped (the value: one line each way, or the clip's final line break).
      const header = v.includes('\n') ? '|-' : ['|-', '>-', '|', '>'][pick() % 4]!;
      return `${header}${style.comments && pick() % 3 === 0 ? ' # block' : ''}\n${v.split('\n').map((l) => `${pad}${' '.repeat(style.indent)}${l}`).join('\n')}`;
    }
    // A plain scalar, maybe folded over two lines (`a b` as `a` and, deeper, `b`).
    const fold = / (?=[A-Za-z0-9_])/.exec(v);
    if (plainOk(v) && fold && pick() % 4 === 0) return `${v.slice(0, fold.index)}\n${pad}${' '.repeat(style.indent)}${v.slice(fold.index + 1)}`;
    if (plainOk(v) && pick() % 3) return v + (style.comments && pick() % 4 === 0 ? ' # note' : '');
    const quoted = key(v).startsWith('"') || pick() % 2 ? JSON.stringify(v) : `'${v.replace(/'/g, "''")}'`;
    // Quoted and wrapped as published documents wrap descriptions: at a space, the rest on a
    // deeper line (sometimes at the key's own column, which yaml may refuse), a line break as
    // a blank line.
    const wrap = / (?=[^ ])/.exec(quoted);
    if (pick() % 3 === 0 && wrap && !/\\n/.test(quoted)) {
      const deeper = pick() % 5 === 0 ? pad : `${pad}${' '.repeat(style.indent)}`;
      return `${quoted.slice(0, wrap.index)}\n${pick() % 4 === 0 ? '\n' : ''}${deeper}${quoted.slice(wrap.index + 1)}`;
    }
    return quoted;
  };
  const note = (pad: string) => (style.comments && pick() % 5 === 0 ? `${pad}# comment ${comment++}\n` : '');
  /** The text after `key:` or `-` for a value at indentation `n` (its block lines included). */
  const after = (v: unknown, n: number, inSeq: boolean): string => {
    const pad = ' '.repeat(n);
    if (v === null || typeof v !== 'object') return ` ${scalar(v, pad)}\n`;
    const empty = Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0;
    if (empty) return Array.isArray(v) ? ' []\n' : ' {}\n';
    const seen = JSON.stringify(v);
    if (style.anchors && anchors.has(seen)) return ` *${anchors.get(seen)}\n`;
    let mark = '';
    if (style.anchors && pick() % 3 === 0) anchors.set(seen, (mark = `a${anchors.size}`));
    const prop = `${mark ? ` &${mark}` : ''}${style.comments && pick() % 4 === 0 ? ' # before the value' : ''}`;
    if (style.flow && pick() % 4 === 0) return `${prop} ${JSON.stringify(v)}\n`;
    if (Array.isArray(v)) {
      const at = style.sameColumnSeq && !inSeq ? n : n + style.indent;
      return `${prop}\n${seq(v, at)}`;
    }
    return `${prop}\n${map(v as Record<string, unknown>, n + style.indent)}`;
  };
  const map = (v: Record<string, unknown>, n: number): string => {
    const pad = ' '.repeat(n);
    return Object.entries(v).map(([k, x]) => `${note(pad)}${pad}${key(k)}:${after(x, n, false)}`).join('');
  };
  const seq = (v: unknown[], n: number): string => {
    const pad = ' '.repeat(n);
    return v.map((x) => {
      // A mapping item written compactly (`- a: 1` and its other keys under `a`).
      if (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length && pick() % 2) {
        return `${note(pad)}${pad}- ${map(x as Record<string, unknown>, n + 2).slice(n + 2)}`;
      }
      // A sequence item written compactly (`- - a`).
      if (Array.isArray(x) && x.length && !style.anchors && pick() % 3 === 0) return `${note(pad)}${pad}- ${seq(x, n + 2).slice(n + 2)}`;
      return `${note(pad)}${pad}-${after(x, n, true)}`;
    }).join('');
  };
  if (value === null || typeof value !== 'object') return `${scalar(value, '')}\n`;
  return Array.isArray(value) ? seq(value, 0) : map(value as Record<string, unknown>, 0);
}

const style = fc.record({
  indent: fc.integer({ min: 1, max: 4 }),
  sameColumnSeq: fc.boolean(),
  quote: fc.constantFrom('plain', 'single', 'double', 'mixed'),
  comments: fc.boolean(),
  blockScalars: fc.boolean(),
  flow: fc.boolean(),
  anchors: fc.boolean(),
  marker: fc.constantFrom('', '---\n', '--- # a comment\n', '---   \n'),
}) as fc.Arbitrary<Style>;
const picks = fc.array(fc.nat(11), { minLength: 1, maxLength: 40 });
const picker = (list: number[]) => {
  let i = 0;
  return () => list[i++ % list.length]!;
};

const key = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ maxLength: 4, unit: 'grapheme' }), fc.constantFrom('404', '0', '4XX', 'default', '$ref', '__proto__', 'a/b', 'é', '10', 'true', 'null', 'a: b', '#x', '- x'));
const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 10 }), fc.string({ maxLength: 6, unit: 'binary' }), fc.constantFrom('multi line\nblock text', 'x', '404', '1e3', '-.5', '0b11', 'a # b', 'é'), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 })),
})).value;

test('every node of random YAML in varied styles has the offset, key order and value yaml gives it', () => {
  let fast = 0;
  fc.assert(fc.property(value, style, picks, (v, how, list) => {
    const text = writeYaml(v, how, picker(list));
    const doc = parseDocument(text, { prettyErrors: false });
    fc.pre(doc.errors.length === 0 && doc.contents !== null);
    const file = fastFile('x.yaml', text);
    if (!(file.json instanceof YamlDataNode)) return;
    fast++;
    sameNodes(file, doc.contents as Node, file.json, '');
  }), { numRuns: 500 });
  assert.ok(fast > 100, `${fast} documents walked on js-yaml's data`);
});

test('a document opening with a lone --- (as published documents do) is walked on js-yaml\'s data, placed as yaml places it', () => {
  for (const marker of ['---\n', '--- # GitHub v3 REST API\n', '---  \n']) {
    const text = `${marker}openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '404':\n          description: x\n`;
    const file = fastFile('x.yaml', text);
    assert.ok(file.json instanceof YamlDataNode, JSON.stringify(marker));
    sameNodes(file, parseDocument(text).contents as Node, file.json, '');
  }
  // Content on the marker's line, a second document or a directive still go to yaml.
  for (const text of ['--- a: 1\n', '---\na: 1\n---\nb: 2\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n---\n']) {
    assert.ok(!(fastFile('x.yaml', text).json instanceof YamlDataNode), JSON.stringify(text));
  }
});

test('random OpenAPI documents in varied YAML styles give the same findings at the same places read either way', () => {
  let fast = 0;
  fc.assert(fc.property(openapi, style, picks, fc.constantFrom(...catalogs), (doc, how, list, { catalog, codes }) => {
    const text = writeYaml(doc, how, picker(list));
    fc.pre(parseDocument(text).errors.length === 0);
    if (fastFile('/r/openapi.yaml', text).json) fast++;
    const [before, after] = bothWays({ '/r/openapi.yaml': text }, '/r/openapi.yaml', catalog, codes, yamlFile, fastFile);
    assert.deepEqual(after, before);
  }), { numRuns: 200 });
  assert.ok(fast > 15, `${fast} documents walked on js-yaml's data`);
});

test('what js-yaml and yaml read differently is walked through yaml', () => {
  // Typed alike, and `[]`/`{}`: walked on js-yaml's data.
  assert.equal(readYaml('a: 404\nc: ~\nd: True\ne: 1e3\nf: .5\ng: []\nh: {}\n')?.exact, true);
  // -0x1F0 is a number to js-yaml, a string to yaml; `[ ]` is a flow collection the scanner does not read.
  assert.equal(readYaml('a: 404\nb: -0x1F0\n')?.exact, false);
  assert.equal(readYaml('a: 404\ng: [ ]\n')?.exact, false);
  for (const text of ['- - \n- y\n', 'a:\n -\n  -\n - y\n', 'code: 0b11\n', 'code: -.5\n', 'code: &a x\nb: *a\n', 'code: !!str 3\n', 'a: "x\ny"\n', 'a:\n  - "x\n  y"\n', '---\n# only a comment\n', '--- a: 1\n', '---# c\na: 1\n', 'a:\tb\n', 'a: 1\r\n']) {
    assert.equal(readYaml(text)?.exact, false, text);
  }
  // js-yaml refuses a duplicate key: `yaml` reads the file and reports it.
  assert.equal(readYaml('a: 1\na: 2\n'), undefined);
  const dup = walkableFile('x.yaml', 'a: 1\na: 2\n', undefined, readYaml('a: 1\na: 2\n'), yamlShapeProblem);
  assert.ok(dup.doc?.errors.length);
  // `404:` is a number to yaml: a pointer's "404" finds it in neither reading; a quoted '404' in both.
  const text = 'r:\n  404: a\n  \'409\': b\n  default: c\n';
  const file = fastFile('x.yaml', text);
  assert.ok(file.json instanceof YamlDataNode);
  const r = childOf(file, file.json, 'r')!;
  assert.equal(childOf(file, r, '404'), undefined);
  assert.equal(scalarValue(childOf(file, r, '409')), 'b');
  assert.deepEqual(pairsOf(file, r).map((p) => scalarValue(p.key)), ['404', '409', 'default']);
});

test('a node the scanner does not read is placed by yaml, for that file', () => {
  // An anchor js-yaml does not report (before a block scalar on the next line): yaml places the scalar.
  const anchored = "- ' '\n- &a0\n   |-\n  a # b\n";
  const seq = fastFile('x.yaml', anchored);
  assert.ok(seq.json instanceof YamlDataNode);
  assert.equal(offsetOf(itemsOf(seq, seq.json)[1]), anchored.indexOf('|'));
  // An empty value: yaml places its null; the scanner leaves it to yaml.
  const text = 'a:\n  b:\n  c: 1\n';
  const file = fastFile('x.yaml', text);
  assert.ok(file.json instanceof YamlDataNode);
  const a = childOf(file, file.json, 'a')!;
  assert.equal(offsetOf(childOf(file, a, 'c')), text.indexOf('1'));
  assert.equal(offsetOf(childOf(file, a, 'b')), (parseDocument(text).getIn(['a', 'b'], true) as Node).range![0]);
});

test('coreScalar types a plain scalar as yaml\'s core schema does', () => {
  const plain = fc.stringMatching(/^[-+.0-9eExXoObB_~aAfFlLnNrRsStTuUiI]{0,8}$/);
  fc.assert(fc.property(plain, (s) => {
    const doc = parseDocument(`k: ${s}\n`, { prettyErrors: false });
    fc.pre(doc.errors.length === 0);
    const node = doc.get('k', true) as { value?: unknown; type?: string } | undefined;
    fc.pre(!node || node.type === 'PLAIN' || s === '');
    const value = node ? node.value : null;
    const core = coreScalar(s);
    assert.equal(core.typed, typeof value !== 'string', s);
    if (core.typed) assert.ok(Object.is(core.value, value) || core.value === value, s);
  }), { numRuns: 3000 });
});

test('a YAML file walked on js-yaml\'s data is bounded by its size, as JSON is; one yaml must read keeps the values bound', () => {
  const many = `openapi: 3.1.0\nx-big:\n${'- 1\n'.repeat(600_000)}`;
  const ready = readyText(many);
  assert.ok(!('problem' in ready) && ready.yaml?.exact);
  // Flow style goes to yaml: refused past 500,000 values, js-yaml's reading given up there.
  const flow = readyText(`openapi: 3.1.0\nx-big: [${'1,'.repeat(600_000)}1]\n`);
  assert.ok('problem' in flow && /more than 500,000 values/.test(flow.problem.message));
  // A place the scanner leaves to yaml, in a file past yaml's bounds: its parent's place.
  const text = `a:\n  b:\n  c: 1\nx:\n${'- 1\n'.repeat(600_000)}`;
  const file = fastFile('x.yaml', text);
  const a = childOf(file, file.json!, 'a')!;
  assert.equal(offsetOf(childOf(file, a, 'b')), text.indexOf('b:'));
  assert.equal(offsetOf(childOf(file, a, 'c')), text.indexOf('1'));
});

test('edited YAML: a text yaml reports errors in is never walked on js-yaml\'s data (the errors keep yaml\'s places and words); one still valid is read alike', () => {
  const edit = fc.record({ at: fc.nat(), cut: fc.nat(3), insert: fc.oneof(fc.constantFrom('', ' ', '  ', '\n', ':', ': ', '- ', '"', "'", '#', '? ', '\n  ', 'x: y', '\\', '@', '{', '}', '[', ']', ',', '|', '>', '!', '&a ', '*a', '%', '---\n', '...\n', '-'), fc.string({ maxLength: 3 })) });
  let broken = 0;
  fc.assert(fc.property(value, style, picks, fc.array(edit, { minLength: 1, maxLength: 3 }), (v, how, list, edits) => {
    let text = writeYaml(v, how, picker(list));
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
    }
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length === 0) {
      // Still YAML: read alike, or left to yaml.
      const file = fastFile('x.yaml', text);
      if (file.json instanceof YamlDataNode && doc.contents) sameNodes(file, doc.contents as Node, file.json, '');
      return;
    }
    broken++;
    assert.notEqual(readYaml(text)?.exact, true, JSON.stringify(text));
  }), { numRuns: 1500 });
  assert.ok(broken > 300, `${broken} broken texts`);
});
