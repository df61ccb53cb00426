// The options of `errcat check`, shared by the command and by the replay of cached runs
// (replay.ts), which must read the arguments exactly as the command does.
export const CHECK_OPTIONS = {
  format: { type: 'string', default: 'text' },
  base: { type: 'string' },
  'preview-url': { type: 'string' },
  'artifact-url': { type: 'string' },
  'max-chars': { type: 'string' },
  openapi: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
} as const;
