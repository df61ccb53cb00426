// Examples in several languages (HTTP, TypeScript SDK, Python SDK...) are shown side by
// side as synced tabs: the languages and their labels are declared once in catalog.yaml,
// and a reader's choice holds for every tab group on the page (Starlight's `syncKey`).
import type { CatalogFile, Example } from '../model/schema.ts';

/** One key for the whole page, so choosing "Python" once shows Python everywhere. */
export const LANGUAGE_SYNC_KEY = 'errcat-language';

export type ExampleGroup = { kind: 'single'; example: Example } | { kind: 'tabs'; tabs: { label: string; example: Example }[] };

/**
 * Examples in declared languages form one tab group, in the declared order, where the
 * first of them stands; the rest keep their place. One example alone is no group.
 */
export function groupExamples(examples: Example[] | undefined, languages: CatalogFile['languages']): ExampleGroup[] {
  const list = examples ?? [];
  const order = new Map((languages ?? []).map((l, i) => [l.lang, i]));
  const tabbed = list.filter((e) => order.has(e.lang));
  if (tabbed.length < 2) return list.map((example) => ({ kind: 'single', example }));
  const tabs = [...tabbed]
    .sort((a, b) => order.get(a.lang)! - order.get(b.lang)!)
    .map((example) => ({ label: languages!.find((l) => l.lang === example.lang)!.label, example }));
  const out: ExampleGroup[] = [];
  for (const example of list) {
    if (!order.has(example.lang)) out.push({ kind: 'single', example });
    else if (example === tabbed[0]) out.push({ kind: 'tabs', tabs });
  }
  return out;
}
