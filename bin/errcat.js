#!/usr/bin/env node
// Needs Node >= 22.18, which runs the TypeScript sources directly.
import { main } from '../src/cli/main.ts';

process.exitCode = main(process.argv.slice(2));
