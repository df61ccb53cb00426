// Declared languages are tabs: each is declared once, and a tab group (a code's or a
// section's examples) has at most one example per language.
import { locate, type DataPath, type SourceFile } from '../load/load.ts';
import type { CatalogFile, CodeFile, Example } from './schema.ts';

export interface LanguageFinding {
  file: SourceFile;
  at: { line: number; col: number };
  message: string;
  hint: string;
}

export function languageFindings(catalog: CatalogFile, catalogFile: SourceFile, codes: { data: CodeFile; file: SourceFile }[]): LanguageFinding[] {
  if (!catalog.languages) return [];
  const out: LanguageFinding[] = [];
  const declared = new Set<string>();
  for (const [i, l] of catalog.languages.entries()) {
    if (declared.has(l.lang)) {
      out.push({ file: catalogFile, at: locate(catalogFile, ['languages', i, 'lang']), message: `language "${l.lang}" is declared twice`,
        hint: 'declare each language once: it is one tab' });
    }
    declared.add(l.lang);
  }
  const groups: { file: SourceFile; path: DataPath; examples: Example[] }[] =
    codes.map((c) => ({ file: c.file, path: ['examples'], examples: c.data.examples ?? [] }));
  for (const [i, s] of (catalog.sections ?? []).entries()) groups.push({ file: catalogFile, path: ['sections', i, 'examples'], examples: s.examples ?? [] });
  for (const { file, path, examples } of groups) {
    const seen = new Set<string>();
    for (const [i, e] of examples.entries()) {
      if (!declared.has(e.lang)) continue;
      if (seen.has(e.lang)) {
        out.push({ file, at: locate(file, [...path, i, 'lang']), message: `a second "${e.lang}" example: the tabs show one example per language`,
          hint: `merge the two ${e.lang} examples, or remove "${e.lang}" from \`languages\` in catalog.yaml to show them one below the other` });
      }
      seen.add(e.lang);
    }
  }
  return out;
}
