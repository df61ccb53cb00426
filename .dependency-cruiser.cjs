// The import rules of src/ (npm run lint:deps, run first by npm test): no cycles, and the
// layers point one way. Each layer may import its own folder and the layers below it, never
// one above: a lower layer knows nothing of what is built on it.
/** Lowest first; a layer is one or more folders (paths relative to the repository). */
const LAYERS = [
  ['base', ['src/config\\.ts$', 'src/own-module\\.ts$']],
  ['load', ['src/load/']],
  ['model', ['src/model/']],
  ['bridges', ['src/bridges/']],
  ['rules', ['src/rules/']],
  ['check', ['src/check/']],
  ['outputs', ['src/render/', 'src/reporters/', 'src/review/', 'src/build/']],
  ['entry', ['src/index\\.ts$', 'src/cli/', 'src/plugin/', 'src/components/', 'src/routes/', 'src/content\\.config\\.ts$']],
];

const paths = (layers) => layers.flatMap(([, folders]) => folders.map((f) => `^${f}`));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or around a loop, cannot be read, tested or moved alone.',
      from: {},
      to: { circular: true },
    },
    ...LAYERS.slice(0, -1).map(([name], i) => ({
      name: `layer-${name}`,
      severity: 'error',
      comment: `The ${name} layer imports nothing from the layers above it (${LAYERS.slice(i + 1).map(([n]) => n).join(', ')}).`,
      from: { path: paths([LAYERS[i]]) },
      to: { path: paths(LAYERS.slice(i + 1)) },
    })),
    {
      name: 'in-a-layer',
      severity: 'error',
      comment: 'Every module of src/ that imports or is imported belongs to a layer: a new folder is placed in LAYERS.',
      from: { path: '^src/', pathNot: paths(LAYERS) },
      to: {},
    },
    {
      name: 'in-a-layer',
      severity: 'error',
      comment: 'Every module of src/ that imports or is imported belongs to a layer: a new folder is placed in LAYERS.',
      from: {},
      to: { path: '^src/', pathNot: paths(LAYERS) },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that names no module (virtual: and astro: modules are made by Astro at build time).',
      from: {},
      to: { couldNotResolve: true, pathNot: '^(virtual|astro):' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/content/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
