// catalog.yaml's `openapi:` setting read from the text alone, before the catalog is loaded:
// the check starts reading the document it names early (startSettingRead in
// src/bridges/openapi.ts), as it does for --openapi. Only a guess: the setting the load
// gives decides, and a read started for another document is dropped unused. So anything
// unusual (a symlinked or large catalog.yaml, a flow, block, tagged, anchored or escaped
// value) is no guess at all.
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_FILE } from './load.ts';

/** Past this size catalog.yaml is not read for a guess (a catalog.yaml is a few kilobytes). */
const MAX_BYTES = 256 * 1024;

/** The top-level `openapi:` of `dir`'s catalog.yaml when it is a plain or simply quoted string, else undefined. */
export function guessOpenapiSetting(dir: string): string | undefined {
  const path = join(dir, CATALOG_FILE);
  let text: string;
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > MAX_BYTES) return undefined;
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const lines = [...text.matchAll(/^openapi[ \t]*:(.*)$/gm)];
  // A key given twice is the load's error to report, not a guess.
  if (lines.length !== 1) return undefined;
  return scalar(lines[0]![1]!.replace(/\r$/, ''));
}

/** A one-line YAML value that is a plain scalar, or a quoted one without escapes; a comment after it is dropped. */
function scalar(raw: string): string | undefined {
  const value = raw.trim();
  const single = /^'((?:[^']|'')*)'(?:[ \t]+#.*)?$/.exec(value);
  if (single) return single[1]!.replaceAll("''", "'") || undefined;
  const double = /^"([^"\\]*)"(?:[ \t]+#.*)?$/.exec(value);
  if (double) return double[1] || undefined;
  // Plain: no indicator first (flow, block, anchor, alias, tag, quote, directive, comment), no `: ` or ` #` inside.
  const plain = value.replace(/[ \t]+#.*$/, '');
  if (plain === '' || /^[-?:,[\]{}#&*!|>'"%@`]/.test(plain) || /: |:$/.test(plain)) return undefined;
  return plain;
}
