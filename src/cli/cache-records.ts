// `check --cache` when something changed: the per-file findings of the last run
// (src/check/incremental.ts), kept beside the run's replay file (cache.ts) in
// check-<key>.files.json, under the same trust rules (cache-trust.ts) and bounds. A code
// file whose status (as cache.ts compares statuses) is what it was when its findings were
// made is not read again; anything else is read and checked. A stored record that is
// damaged or malformed is a changed file; a damaged records file is a full check.
import type { CheckResult } from '../check/check.ts';
import { checkIncremental, isFindings, type FileFindings, type KeptFile } from '../check/incremental.ts';
import { cacheTrusted } from './cache-trust.ts';
import { readStored, recordsFileOf, statusOf, type CacheRun } from './cache.ts';
import { writeWhole } from './write-whole.ts';

/** A code file's record: its status when read, the digest of its text, what was found in it. */
type FileRecord = [status: string, digest: string, findings: FileFindings];

interface Records {
  key: string;
  /** The digest of the catalog.yaml the findings were made with. */
  settings: string;
  files: Record<string, FileRecord>;
}

export interface RecordedCheck {
  result: CheckResult;
  /** Keep this run's findings for the next run (only once its report is kept too). */
  save(): void;
}

/** The check through the kept findings, or undefined when it must run in full (incremental.ts says when). */
export function checkWithRecords(run: CacheRun, dir: string): RecordedCheck | undefined {
  const file = recordsFileOf(run.file);
  const stored = cacheTrusted(file) ? readRecords(file, run.key) : undefined;
  const unchanged = (path: string, shown: string): KeptFile | undefined => {
    const r = stored && Object.hasOwn(stored.files, path) ? stored.files[path] : undefined;
    if (!Array.isArray(r) || typeof r[0] !== 'string' || r[0] === '' || typeof r[1] !== 'string') return undefined;
    if (statusOf(path) !== r[0] || !isFindings(r[2], shown)) return undefined;
    return { ...r[2], digest: r[1] };
  };
  const checked = checkIncremental(dir, run.source, stored && { settings: stored.settings, unchanged });
  if (!checked) return undefined;
  const files: Record<string, FileRecord> = {};
  const reads = run.source.reads;
  const byPath = new Map(reads.filter((r) => r[0] === 'read').map((r) => [r[1], r]));
  for (const [path, f] of checked.checked) {
    const read = byPath.get(path);
    if (read) files[path] = [read[3], read[2], f];
  }
  for (const [path, { digest, ...findings }] of checked.kept) {
    const status = stored!.files[path]![0];
    files[path] = [status, digest, findings];
    // Not read in this run, yet the report depends on it: the replay must compare it too.
    if (!byPath.has(path)) reads.push(['read', path, digest, status]);
  }
  const records: Records = { key: run.key, settings: checked.settings, files };
  return {
    result: checked.result,
    save: () => {
      try {
        if (cacheTrusted(file)) writeWhole(file, JSON.stringify(records), { durable: false });
      } catch {
        // A records file that cannot be written only costs the next run its speed.
      }
    },
  };
}

function readRecords(file: string, key: string): Records | undefined {
  const r = readStored(file) as Records | undefined;
  const ok = typeof r === 'object' && r !== null && r.key === key && typeof r.settings === 'string'
    && typeof r.files === 'object' && r.files !== null && !Array.isArray(r.files);
  return ok ? r : undefined;
}
