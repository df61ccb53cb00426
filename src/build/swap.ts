// Replace the site directory without ever losing a complete site. The new site is built
// beside the target (same filesystem, so renames are atomic), then:
//   1. target  -> .<name>.old-<pid>     (the previous site, complete)
//   2. staging -> target                (the new site, complete and verified)
//   3. remove .<name>.old-<pid>
// A crash between 1 and 2 leaves no target but the complete old site beside it; every
// build starts with `recover`, which puts it back and removes the staging directories
// that dead builds left behind. ERRCAT_BUILD_CRASH=<step> kills the build right after that
// step, so tests can prove it.
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type SwapStep = 'staged' | 'old-moved' | 'swapped';

const STAGING = 'build';
const OLD = 'old';

function sibling(target: string, kind: typeof STAGING | typeof OLD, pid: number): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${pid}`);
}

/** Directories beside `target` left by builds, with the pid that made them. */
function leftovers(target: string): { path: string; kind: string; pid: number }[] {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const m = n.startsWith(prefix) ? /^(build|old)-(\d+)$/.exec(n.slice(prefix.length)) : null;
    return m ? [{ path: join(dirname(target), n), kind: m[1]!, pid: Number(m[2]) }] : [];
  });
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Undo what a crashed or killed build left: restore the old site if the target is missing, remove the rest. */
export function recover(target: string): string[] {
  const done: string[] = [];
  for (const l of leftovers(target)) {
    if (alive(l.pid)) continue;
    if (l.kind === OLD && !existsSync(target)) {
      renameSync(l.path, target);
      done.push(`restored ${target} from ${basename(l.path)}`);
    } else {
      rmSync(l.path, { recursive: true, force: true });
      done.push(`removed ${basename(l.path)}`);
    }
  }
  return done;
}

/** Where to build the new site. */
export function stagingDir(target: string): string {
  const dir = sibling(target, STAGING, process.pid);
  rmSync(dir, { recursive: true, force: true });
  return dir;
}

/** Put the staged site in place of `target`. */
export function swapIn(staging: string, target: string): void {
  crashPoint('staged');
  const old = sibling(target, OLD, process.pid);
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, old);
  crashPoint('old-moved');
  renameSync(staging, target);
  crashPoint('swapped');
  if (hadTarget) rmSync(old, { recursive: true, force: true });
}

export function discard(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

function crashPoint(step: SwapStep): void {
  if (process.env.ERRCAT_BUILD_CRASH === step) process.kill(process.pid, 'SIGKILL');
}
