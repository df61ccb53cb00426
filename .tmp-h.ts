import { checkCatalog } from './src/catalog/check.ts';
const t = performance.now();
const r = checkCatalog('tests/fixtures/api/catalog');
console.log('done', performance.now() - t, r.diagnostics.length);
