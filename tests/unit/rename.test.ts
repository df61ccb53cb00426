// Rename detection on real catalogs: different codes of one category are never taken for
// a rename of each other, however alike their names and statuses; the same entry is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCatalog } from '../../src/check/check.ts';
import { detectRenames, RENAME_THRESHOLD } from '../../src/review/rename.ts';

const codesOf = (dir: string) => new Map(checkCatalog(dir).model!.codes.map(({ statuses: _s, docsUrl: _d, file: _f, ...c }) => [c.code, c as Record<string, unknown>]));

for (const dir of ['catalog', 'examples/almyty/catalog']) {
  test(`${dir}: no code is taken for a rename of another`, () => {
    const codes = codesOf(dir);
    for (const [code, data] of codes) {
      const others = new Map([...codes].filter(([c]) => c !== code));
      assert.deepEqual(detectRenames(new Map([[code, data]]), others), [], code);
    }
  });
  test(`${dir}: each code renamed with its content kept is recognised`, () => {
    for (const [code, data] of codesOf(dir)) {
      const renamed = JSON.parse(JSON.stringify({ ...data, code: `${code}_v2` }).replaceAll(code, `${code}_v2`));
      const [r] = detectRenames(new Map([[code, data]]), new Map([[`${code}_v2`, renamed]]));
      assert.ok(r && r.to === `${code}_v2` && r.similarity >= RENAME_THRESHOLD && r.confidence === 'almost certain', code);
    }
  });
}
