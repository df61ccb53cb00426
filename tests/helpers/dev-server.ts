// `astro dev` on a catalog, for the dev-mode browser test and the edit-to-served benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface DevServer {
  url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
    s.on('error', fail);
  });
}

/** Starts `astro dev` in `root` (default: this repository) and waits until `path` is served. */
export async function startDev(opts: { catalog: string; port?: number; path: string; root?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<DevServer> {
  const port = opts.port ?? (await freePort());
  const root = resolve(opts.root ?? '.');
  const astro = resolve('node_modules/astro/bin/astro.mjs');
  const child: ChildProcess = spawn(process.execPath, [astro, 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, CATALOG_DIR: resolve(opts.catalog), ASTRO_TELEMETRY_DISABLED: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (b) => (log += b));
  child.stderr!.on('data', (b) => (log += b));
  // Vite moves to the next port when the one asked for is taken (another job on a shared
  // machine): follow the address Astro prints, never poll a port someone else may serve.
  const served = (): string | undefined => /Local\s+(?:\x1b\[[0-9;]*m)*(http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
  let url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`astro dev exited (${child.exitCode}):\n${log}`);
    const printed = served();
    if (printed) {
      url = printed;
      try {
        const res = await fetch(url + opts.path);
        if (res.ok) {
          await res.text();
          break;
        }
      } catch {
        /* not listening yet */
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`astro dev did not serve ${opts.path} in time:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, output: () => log, stop };
}

/** Fetches `url` until its body satisfies `ok`; returns the milliseconds since `since`. */
export async function servedWhen(url: string, ok: (body: string, status: number) => boolean, since: number, timeoutMs = 120_000): Promise<number> {
  for (;;) {
    const res = await fetch(url);
    const body = await res.text();
    if (ok(body, res.status)) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`${url} never served the change (last status ${res.status})`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Listens to the dev server's HMR socket as a browser tab does: `nextReload()` settles on the next full reload. */
export async function hmrClient(url: string): Promise<{ nextReload(): Promise<void>; close(): void }> {
  const client = await (await fetch(`${url}/@vite/client`)).text();
  const token = /const wsToken = "([^"]*)"/.exec(client)?.[1];
  if (token === undefined) throw new Error('no HMR token in /@vite/client');
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/?token=${token}`, 'vite-hmr');
  await new Promise((ok, fail) => {
    ws.addEventListener('open', ok, { once: true });
    ws.addEventListener('error', fail, { once: true });
  });
  let waiting: (() => void)[] = [];
  ws.addEventListener('message', (e) => {
    if (JSON.parse(String(e.data)).type !== 'full-reload') return;
    const done = waiting;
    waiting = [];
    for (const w of done) w();
  });
  return {
    nextReload: () => new Promise<void>((r) => waiting.push(r)),
    close: () => ws.close(),
  };
}
