// "Did you mean": the closest known names to a misspelt one. Shared by the check's hints
// and the page's unknown-anchor notice, so both suggest the same codes.

/** Levenshtein distance, case-insensitive. */
export function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Up to `limit` candidates close enough to `name` to be a plausible typo, closest first. */
export function closest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(2, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  // Bounded work per call: distance is at least the difference in length, and past 64
  // characters a name is no typo worth a quadratic comparison against every candidate.
  if (name.length > 64) return [];
  return [...candidates]
    .filter((c) => Math.abs(c.length - name.length) <= max || c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase()))
    .map((c) => {
      const d = distance(name, c);
      // A candidate that contains the name (or the reverse) is a good match even when long.
      const contains = c.toLowerCase().includes(lower) || lower.includes(c.toLowerCase());
      return { c, d: contains ? Math.min(d, max) : d };
    })
    .filter((x) => x.d <= max)
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, limit)
    .map((x) => x.c);
}
