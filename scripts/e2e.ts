// Runs the browser tests on ports nobody else holds. The tests serve the built sites on
// E2E_PORT and the six ports after it; with a fixed default, a second checkout or another
// job on a shared CI machine that holds one of them fails the whole run. Without E2E_PORT
// this picks a base whose seven ports are free right now, then runs `playwright test` with
// the arguments given (workers re-read the config, so the base travels in the environment).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

const SPAN = 7;

function free(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = createServer()
      .once('error', () => done(false))
      .listen(port, '127.0.0.1', () => s.close(() => done(true)));
  });
}

async function pickBase(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const all = await Promise.all(Array.from({ length: SPAN }, (_, i) => free(base + i)));
    if (all.every(Boolean)) return base;
  }
  throw new Error(`no ${SPAN} free consecutive ports found between 20000 and 50000`);
}

const env = { ...process.env };
env.E2E_PORT ??= String(await pickBase());
const cli = new URL('../node_modules/@playwright/test/cli.js', import.meta.url).pathname;
const run = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
