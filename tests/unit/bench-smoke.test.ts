// The benchmark is not a test; this only proves it still runs, on a tiny catalog.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { catalogToMarkdown, modelOf } from '../../bench/site.ts';

test('npm run bench runs on a tiny catalog and writes its table', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'results.md');
  const r = spawnSync(process.execPath, ['bench/run.ts', '--sizes', '5', '--site-sizes', '', '--dev-sizes', '', '--source-files', '20', '--runs', '1', '--startup-sizes', '5', '--startup-runs', '1', '--throttle-sizes', '', '--fair-sizes', '', '--openapi-docs', '', '--openapi-operations', '20', '--openapi-runs', '1', '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /\| 5 \| \d+ \| \d+ \| [\d.]+× \| (met|missed) \|/);
  // check --openapi, its peak, the parse, its peak, both ratios, parse + schema, its peak, that ratio, validate(), its peak.
  assert.match(text, /\| generated, 20 operations \| [\d.]+ \| 20 \| [\d.]+ s \| \d+ MiB \| [\d.]+ s \| \d+ MiB \| [\d.]+× \((met|missed)\) \| [\d.]+× \((met|missed)\) \| [\d.]+ s \| \d+ MiB \| [\d.]+× \| [\d.]+ s \| \d+ MiB \|/);
  assert.match(text, /Node v\d+/);
  // node, floor, floor keeping its documents, × floor, peer (ajv + js-yaml), peer × node, check, × node, × floor, × peer,
  // --cache unchanged, × node, × floor, --cache after an edit, × floor, goal.
  assert.match(text, /\| 5 \| 5 \| \d+ \| \d+ \| \d+ \| [\d.]+× \| \d+ \| [\d.]+× \| \d+ \| [\d.]+× \| [\d.]+× \| [\d.]+× \| \d+ \| [\d.]+× \| [\d.]+× \| \d+ \| [\d.]+× \| ≤ 3× node: (met|missed) \|/);
  assert.match(text, /\| 20 \| [\d.]+ \| \d+ \| \d+ \| [\d.]+× \| (met|missed) \|/);
});

test('--only throttle,fair measures just those sections at a tiny size, each row with its ratio', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'results.md');
  writeFileSync(out, '# Benchmark results\n\n<!-- notes:start -->\nkept by hand\n<!-- notes:end -->\n');
  const r = spawnSync(process.execPath, ['bench/run.ts', '--only', 'throttle,fair', '--throttle-sizes', '5', '--throttle-runs', '1', '--fair-sizes', '5', '--fair-variants', 'plain', '--out', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /kept by hand/);
  assert.doesNotMatch(text, /## Cold start/);
  // conditions; first paint ours, without the hold, floor, two ratios; landed the same; the
  // verdict against the page without the hold: one row per profile.
  const figures = '\\d+ ms \\| \\d+ ms \\| \\d+ ms \\| [\\d.]+× \\| [\\d.]+× \\|';
  for (const profile of ['unthrottled, compressed', 'CPU 4× slower, compressed', '1.6 Mbps / 150 ms RTT, compressed', '1.6 Mbps / 150 ms RTT, uncompressed']) {
    assert.match(text, new RegExp(`\\| 5 \\| 5 \\| ${profile} \\| ${figures} ${figures} paint (met|missed), landed (met|missed) \\|`));
  }
  assert.match(text, /\| 5 \| 5 \| [\d.]+ \| [\d.]+ \| [\d.]+× \| \d+ \/ \d+ \|/);
  assert.match(text, /\*Measured [\d-]+ [\d:]+-[\d:]+ UTC; 1-minute load average [\d.]+/);
});

test('the bare comparison page carries every code and example of the catalog', () => {
  const model = modelOf('tests/fixtures/mini');
  const md = catalogToMarkdown(model);
  for (const c of model.codes) {
    assert.match(md, new RegExp(`^### ${c.code}$`, 'm'));
    for (const e of c.examples ?? []) assert.ok(md.includes(e.code.trimEnd()));
  }
});
