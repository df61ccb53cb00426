// Syntax highlighting of catalog examples with Shiki, as CSS classes instead of inline
// styles: a token is `<span class="l3 d7">`, where l3 / d7 index the light and dark
// theme's palettes, and the stylesheet (`highlightCss()`, once per page) gives each class
// its colour. A 1,000-code page carries the examples' text plus a few bytes per token,
// instead of a style attribute per token and a per-line wrapper. Colours too faint on the
// block's background are adjusted to a contrast of at least 5.5:1 (as Expressive Code does).
import { createHighlighter, type BundledLanguage, type Highlighter } from 'shiki';
import type { CodeEntry } from '../model/model.ts';
import type { CatalogFile, Example } from '../model/schema.ts';
import { groupExamples } from './example-tabs.ts';
import { RUN_LETTERS } from './client/highlight.ts';

const THEMES = { light: 'github-light', dark: 'github-dark' } as const;
/** Catalog language -> Shiki grammar (`text`: not highlighted). */
const LANGS: Record<Example['lang'], BundledLanguage | 'text'> = {
  json: 'json',
  http: 'http',
  ts: 'ts',
  js: 'js',
  python: 'python',
  sh: 'sh',
  text: 'text',
  csharp: 'csharp',
  go: 'go',
  java: 'java',
  kotlin: 'kotlin',
  php: 'php',
  ruby: 'ruby',
  rust: 'rust',
  swift: 'swift',
};
const MIN_CONTRAST = 5.5;

let highlighter: Promise<Highlighter> | undefined;
function getHighlighter(): Promise<Highlighter> {
  // Grammars are loaded when a catalog first uses them (see highlight()).
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: [] });
  return highlighter;
}

interface Palette {
  bg: string;
  fg: string;
  /** Theme colour (lower case) -> class index. */
  index: Map<string, number>;
  /** Class index -> colour shown (contrast-adjusted). */
  colors: string[];
}

const palettes = new Map<string, Palette>();
function paletteOf(h: Highlighter, theme: string): Palette {
  let p = palettes.get(theme);
  if (p) return p;
  const t = h.getTheme(theme);
  const bg = norm(t.bg);
  const fg = norm(t.fg);
  const found = new Set<string>();
  for (const s of t.settings ?? []) if (s.settings?.foreground) found.add(norm(s.settings.foreground));
  found.delete(fg);
  const list = [...found].sort();
  p = { bg, fg: withContrast(fg, bg), index: new Map(list.map((c, i) => [c, i])), colors: list.map((c) => withContrast(c, bg)) };
  palettes.set(theme, p);
  return p;
}

// Highlighted examples by language and text. In `astro dev` every catalog edit renders the
// whole page again: unchanged examples (all but the edited code's) then cost a lookup, not
// a tokenization. Bounded, oldest first out, so a long dev session cannot grow it forever.
const highlighted = new Map<string, Run[]>();
let highlightedChars = 0;
const MAX_HIGHLIGHTED_CHARS = 32 * 1024 * 1024;

function remember(key: string, runs: Run[]): Run[] {
  highlighted.set(key, runs);
  highlightedChars += key.length * 2;
  for (const [k] of highlighted) {
    if (highlightedChars <= MAX_HIGHLIGHTED_CHARS) break;
    highlighted.delete(k);
    highlightedChars -= k.length * 2;
  }
  return runs;
}

/** A stretch of an example's text in one colour: its classes ('' = the block's own colour) and text. */
type Run = [cls: string, text: string];

async function runsOf(code: string, lang: Example['lang']): Promise<Run[]> {
  const key = `${lang}\0${code}`;
  return highlighted.get(key) ?? remember(key, await tokenize(code, lang));
}

/** The content of an example's `<pre class="ec-pre">`: escaped text in class-coloured spans. */
export async function highlight(code: string, lang: Example['lang']): Promise<string> {
  return (await runsOf(code, lang)).map(([cls, text]) => (cls ? `<span class="${cls}">${escapeText(text)}</span>` : escapeText(text))).join('');
}

/**
 * The example as plain text plus its colours in a compact form, for large pages (10,000
 * codes carry 20,000 of them): per run its length in UTF-16 code units, then either `-`
 * (the block's own colour) or a letter for its light and one for its dark class index
 * (`a`-`z` then `A`-`Z` for 0-51, `_` for none) and `+` italic, `^` bold. So `l3 d7 i` is
 * `dh+`, and a whole run `12dh+`: about 3 characters a run where `12:3.7i,` took 8. The
 * page's script turns it into the same spans as highlight() when the code's section comes
 * into view (paintExample() in client/highlight.ts), so a large page parses no token
 * elements it never shows. Only digits, letters and `_-+^`: nothing to escape anywhere.
 */
export async function highlightLazily(code: string, lang: Example['lang']): Promise<{ text: string; runs: string }> {
  const runs = await runsOf(code, lang);
  return {
    text: escapeText(runs.map(([, text]) => text).join('')),
    // A last run in the block's own colour goes without saying: text the runs leave is shown as it is.
    runs: runs.some(([cls]) => cls) ? runs.slice(0, runs.at(-1)![0] ? undefined : -1).map(([cls, text]) => `${text.length}${cls ? encodeClasses(cls) : '-'}`).join('') : '',
  };
}

/**
 * A large page's colours, kept after its codes (ErrorsPage.astro) instead of in them: a
 * deep link waits for every byte above its heading, never for these. Per code its
 * examples' runs (highlightLazily()) in the order the page shows them, space-separated.
 */
export async function pageColours(codes: CodeEntry[], languages: CatalogFile['languages']): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const code of codes) {
    const examples = groupExamples(code.examples, languages).flatMap((g) => (g.kind === 'single' ? [g.example] : g.tabs.map((t) => t.example)));
    if (examples.length) out[code.code] = (await Promise.all(examples.map(async (e) => (await highlightLazily(e.code, e.lang)).runs))).join(' ');
  }
  return out;
}

/** The colours as the text of a `<script type="application/json">`: no `<` that could end it. */
export function coloursJson(colours: Record<string, string>): string {
  return JSON.stringify(colours).replace(/</g, '\\u003c');
}

/** "l3 d7 i" -> "dh+". */
function encodeClasses(cls: string): string {
  const letter = (index: string | undefined) => {
    if (index === undefined) return '_';
    const l = RUN_LETTERS[Number(index)];
    // The two themes are fixed and have a dozen colours each: more than 52 would be a new theme.
    if (!l) throw new Error(`highlight: class index ${index} has no letter`);
    return l;
  };
  let light: string | undefined;
  let dark: string | undefined;
  let flags = '';
  for (const c of cls.split(' ')) {
    if (c[0] === 'l') light = c.slice(1);
    else if (c[0] === 'd') dark = c.slice(1);
    else flags += c === 'i' ? '+' : '^';
  }
  return `${letter(light)}${letter(dark)}${flags}`;
}

async function tokenize(code: string, lang: Example['lang']): Promise<Run[]> {
  const text = code.replace(/\n+$/, '');
  const shikiLang = LANGS[lang];
  if (shikiLang === 'text') return [['', text]];
  const h = await getHighlighter();
  if (!h.getLoadedLanguages().includes(shikiLang)) await h.loadLanguage(shikiLang);
  const light = paletteOf(h, THEMES.light);
  const dark = paletteOf(h, THEMES.dark);
  const lines = h.codeToTokensWithThemes(text, { lang: shikiLang, themes: THEMES });
  const runs: Run[] = [];
  const add = (cls: string, piece: string) => {
    const last = runs.at(-1);
    if (last && last[0] === cls) last[1] += piece;
    else runs.push([cls, piece]);
  };
  for (const [n, line] of lines.entries()) {
    // Whitespace has no colour: it joins the run before it, so `1.1 409` is one span.
    if (n) add(runs.at(-1)?.[0] ?? '', '\n');
    for (const token of line) add(/^\s*$/.test(token.content) ? (runs.at(-1)?.[0] ?? '') : classesOf(token.variants, light, dark), token.content);
  }
  return runs;
}

function classesOf(variants: Record<string, { color?: string; fontStyle?: number }>, light: Palette, dark: Palette): string {
  const out: string[] = [];
  const l = variants.light?.color ? light.index.get(norm(variants.light.color)) : undefined;
  const d = variants.dark?.color ? dark.index.get(norm(variants.dark.color)) : undefined;
  if (l !== undefined) out.push(`l${l}`);
  if (d !== undefined) out.push(`d${d}`);
  // FontStyle flags: 1 italic, 2 bold.
  const style = variants.dark?.fontStyle ?? 0;
  if (style > 0 && style & 1) out.push('i');
  if (style > 0 && style & 2) out.push('b');
  return out.join(' ');
}

/** The stylesheet for highlighted examples: both themes, following Starlight's theme switch. */
export async function highlightCss(): Promise<string> {
  const h = await getHighlighter();
  const light = paletteOf(h, THEMES.light);
  const dark = paletteOf(h, THEMES.dark);
  const rules = (p: Palette, prefix: string, scope: string) => p.colors.map((c, i) => `${scope}.ec-pre .${prefix}${i}{color:${c}}`).join('');
  // Starlight's default theme is dark; light is `:root[data-theme='light']`.
  const lightScope = ":root[data-theme='light'] ";
  // The copy button sits over the block's corner: on the block's own background it hides
  // the end of a long first line cleanly (the line scrolls out from under it).
  return (
    `.ec-pre{background:${dark.bg};color:${dark.fg}}${lightScope}.ec-pre{background:${light.bg};color:${light.fg}}` +
    `.ec-copy-code{background:${dark.bg}}${lightScope}.ec-copy-code{background:${light.bg}}` +
    rules(dark, 'd', ':root:not([data-theme=\'light\']) ') +
    rules(light, 'l', lightScope) +
    '.ec-pre .i{font-style:italic}.ec-pre .b{font-weight:700}'
  );
}

/** Text content of an element: only `&`, `<` and `>` need escaping (quotes are kept as they are). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function norm(color: string | undefined): string {
  const c = (color ?? '#000000').toLowerCase();
  // #rgb -> #rrggbb; alpha dropped (the themes' token colours are opaque).
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${[...c.slice(1)].map((x) => x + x).join('')}`;
  return c.slice(0, 7);
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m);
  return (x! + 0.05) / (y! + 0.05);
}

/** The colour moved towards white (dark background) or black (light) until it reaches MIN_CONTRAST. */
export function withContrast(color: string, bg: string): string {
  const target = luminance(bg) < 0.5 ? 255 : 0;
  let [r, g, b] = rgb(color);
  for (let step = 0; step < 50 && contrast(hex(r, g, b), bg) < MIN_CONTRAST; step++) {
    [r, g, b] = [r, g, b].map((v) => Math.round(v + (target - v) * 0.1)) as [number, number, number];
  }
  return hex(r, g, b);
}

function hex(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
