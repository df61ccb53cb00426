#!/usr/bin/env node
// Needs Node >= 22.18, which runs the TypeScript sources directly.
import { main, quietOnBrokenPipe } from '../src/cli/main.ts';

quietOnBrokenPipe(process.stdout);
process.exitCode = main(process.argv.slice(2));
