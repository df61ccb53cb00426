// This package's version: package.json is two levels up from src/cli/, lib/cli/ and
// build/cli/ alike (the sources, the compiled package and the CLI's bundle).
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
