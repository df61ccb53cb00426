// The compiled first test of a code file's shape, for the CLI: scripts/build-cli.ts puts
// here, in the bundle, ajv's standalone code for the JSON Schema of a code file (the one
// `npm run schema` writes, from the same zod schema), plain JavaScript without ajv. In the
// sources (tests, the site build, a stale bundle) there is none and zod checks every file.
export const acceptsCode: ((data: unknown) => boolean) | undefined = undefined;
