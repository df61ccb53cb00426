// The bounds every catalog is checked within. Catalog files come from pull requests by
// anyone, so each bound turns a hostile input into a diagnostic (rule `limit-exceeded`)
// instead of a hang or an exhausted heap. Stated in the manual ("Limits and safety"); a real
// catalog stays far below each of them (Amy's largest file is 8 KB, 6 levels deep).
export const LIMITS = {
  /** Bytes of one catalog file. */
  fileBytes: 256 * 1024,
  /** Bytes of all catalog files together: 10,000 codes of 2 KB are 20 MB. */
  catalogBytes: 64 * 1024 * 1024,
  /** Entries read from codes/. */
  codeFiles: 20_000,
  /** Nesting depth of a document (mappings and sequences). */
  depth: 32,
  /** Nodes of one file once aliases (`*name`) are expanded: what the rules would walk. */
  nodes: 50_000,
  /** Characters of text in one file once aliases are expanded (without aliases, at most its size). */
  expandedChars: 1024 * 1024,
  /** YAML syntax errors reported per file (the rest are counted in one more diagnostic). */
  syntaxErrors: 20,
  /** Characters of `code_pattern`. */
  patternLength: 512,
} as const;

