// Authoring speed in `astro dev`: from saving a catalog file to the dev server serving the
// changed page (the whole response), for an edited, a new and a deleted code file. The
// floor is serving the same page again with nothing changed, measured in the same run.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hmrClient, servedWhen, startDev } from '../tests/helpers/dev-server.ts';

export interface DevFigures {
  codes: number;
  /** Server start until the page is first served. */
  startMs: number;
  /** Median time to serve the unchanged page again (the floor). */
  floorMs: number;
  /** Medians from writing the file to the served page showing the change. */
  editMs: number;
  addMs: number;
  deleteMs: number;
  /** The dev server restarted during the run (it must not). */
  restarted: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchDev(catalog: string, pagePath: string, runs: number, work = '.tmp/bench'): Promise<DevFigures> {
  const dir = resolve(work, `dev-${catalog.replace(/\W/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(catalog, dir, { recursive: true });
  const codesDir = join(dir, 'codes');
  const files = readdirSync(codesDir).sort();
  const target = join(codesDir, files[0]!);
  const original = readFileSync(target, 'utf8');
  const code = files[0]!.replace(/\.yaml$/, '');
  const page = `${pagePath}/`;

  const started = performance.now();
  const server = await startDev({ catalog: dir, path: page });
  const startMs = performance.now() - started;
  const url = server.url + page;
  const tab = await hmrClient(server.url);
  // As an open tab does: the save, the reload message, then one request for the page.
  const change = async (write: () => void, shows: (body: string, status: number) => boolean) => {
    const reload = tab.nextReload();
    const t = performance.now();
    write();
    await reload;
    return servedWhen(url, shows, t);
  };
  try {
    const floor: number[] = [];
    const edit: number[] = [];
    const add: number[] = [];
    const del: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await servedWhen(url, (_b, s) => s === 200, t);
      floor.push(performance.now() - t);

      const marker = `Devbench${i}x`;
      // "When it fires" is on the card (the summary is not: it would repeat it).
      edit.push(await change(() => writeFileSync(target, original.replace(/^when: (\|[-+]?\n\s+)?/m, (m) => `${m}${marker} `)), (b) => b.includes(marker)));

      const added = `${code}_devbench${i}`;
      const file = join(codesDir, `${added}.yaml`);
      add.push(await change(() => writeFileSync(file, original.replaceAll(code, added)), (b) => b.includes(`id="${added}"`)));
      del.push(await change(() => rmSync(file), (b, s) => s === 200 && !b.includes(`id="${added}"`)));
    }
    writeFileSync(target, original);
    return {
      codes: files.length,
      startMs,
      floorMs: median(floor),
      editMs: median(edit),
      addMs: median(add),
      deleteMs: median(del),
      restarted: /restart/i.test(server.output()),
    };
  } finally {
    tab.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
