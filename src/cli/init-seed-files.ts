// The files of a catalog seeded from an OpenAPI document (`errcat init --from-openapi`):
// what the document says (each code, its statuses, where the code sits in the body) is
// written as is; what only a person can write (what a code means, when it fires, how to
// recover) is a `TODO:` placeholder that the check reports as rule text-to-write, so
// the seeded catalog passes the check and its warnings are the list of texts to write.
import { join } from 'node:path';
import { REASON_PHRASES } from '../model/http.ts';
import { CATALOG_FILE, CODES_DIR } from '../load/load.ts';
import { markdownCode } from '../reporters/escape.ts';
import { catalogHead, q } from './init-head.ts';
import { seedPattern, type Seed, type SeedCode } from './init-from-openapi.ts';

const CATEGORY = 'general';

export interface SeedSettings {
  name: string;
  docsUrl: URL;
  catalogSchema: string;
  codeSchema: string;
  /** catalog.yaml's `openapi` (relative to the catalog), when the check can read the document from there. */
  openapi: string | undefined;
}

/** The catalog files (paths relative to the catalog directory), the lock aside. */
export function seededFiles(seed: Seed, settings: SeedSettings): Record<string, string> {
  const placed = seed.codes.map((c) => ({ ...c, status: c.statuses.length ? c.statuses : [guessedStatus(c)] }));
  const statuses = [...new Set(placed.flatMap((c) => c.status))].sort((a, b) => a - b);
  const files: Record<string, string> = {
    [CATALOG_FILE]: `${catalogHead(settings.name, settings.docsUrl, settings.catalogSchema, seedPattern(seed.codes.map((c) => c.code)))}${
      settings.openapi !== undefined ? `openapi: ${q(settings.openapi)}\n` : ''}envelope:
  id: response-shape
  title: The error response
  code_field: ${q(seed.codeField)}
  fields:
    - { name: ${q(seed.codeField)}, type: string, notes: Stable identifier of the error. }
categories:
  - { id: ${CATEGORY}, title: Errors }
statuses:
${statuses.map((s) => `  "${s}": ${q(REASON_PHRASES[s] ? `${REASON_PHRASES[s]}.` : `TODO: what ${s} means in this API`)}\n`).join('')}`,
  };
  for (const c of placed) files[join(CODES_DIR, `${c.code}.yaml`)] = codeYaml(c, c.status, settings.codeSchema);
  return files;
}

/** A code under `4XX` is some 4xx; under `default` or only in a shared list, any error. */
function guessedStatus(c: SeedCode): number {
  const range = c.vague.find((v) => /^[1-5]XX$/i.test(v));
  return range ? Number(range[0]) * 100 : 500;
}

function codeYaml(c: SeedCode, status: number[], schema: string): string {
  const shown = c.operations.length ? ` The document shows it under ${c.operations.map((o) => markdownCode(o)).join(', ')}.` : '';
  const guess = c.statuses.length ? '' : ` Its status ${status[0]} is a guess: the document declares it only ${c.vague.map((v) => (v === 'shared enum' ? 'in a shared enum' : `under ${v}`)).join(' and ')}; set the status the API returns it with.`;
  const retryable = status.some((s) => s === 429 || s >= 500);
  return `# yaml-language-server: $schema=${schema}
code: ${q(c.code)}
status: ${status.length === 1 ? status[0] : `[${status.join(', ')}]`}
category: ${CATEGORY}
summary: "TODO: one line: what the error means"
when: ${q(`TODO: when the API returns it.${shown}${guess}`)}
recovery: "TODO: the steps that get a developer past it"
retry:
  when: ${retryable ? 'conditional' : 'never'}
  advice: ${q(`TODO: whether a retry can succeed (retry.when: ${retryable ? 'conditional' : 'never'} is a guess from the status)`)}
`;
}
