// Replace a file whole or not at all. Writing in place (writeFileSync) truncates first, so
// a full disk or a file-size limit leaves half a file; here the text goes to a new file
// beside the target (same filesystem, so the rename is atomic), is flushed to disk, and
// only then takes the target's name. On any failure the target is as it was and the
// temporary file is gone.
//
// The temporary file is created exclusively ('wx'): a name planted beforehand, a symbolic
// link included, makes the write fail rather than be followed. The rename replaces a
// link at the target itself, never the file it points to.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * `durable: false` skips the flushes to disk, for files whose loss costs nothing but time
 * (the check's cache: a file emptied by a crash is malformed, hence a miss). The rename
 * still makes the write whole or nothing for every reader.
 */
export function writeWhole(file: string, text: string, { durable = true } = {}): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  // Keep the target's permissions (a lock made read-only for the group stays so).
  const mode = (statSync(file, { throwIfNoEntry: false })?.mode ?? 0o666) & 0o777;
  // Outside the try: when 'wx' fails, the name is someone else's and stays.
  const fd = openSync(tmp, 'wx', mode);
  let open = true;
  try {
    writeFileSync(fd, text);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(tmp, file);
  } catch (e) {
    if (open) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  if (durable) syncDir(dirname(file));
}

/** The rename itself made durable; a filesystem that cannot sync a directory has nothing to add. */
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // EISDIR/EINVAL on some platforms: the file's own fsync is what we can do.
  }
}
