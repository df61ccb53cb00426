// Parse HTML the way a browser does and list its elements, for safety assertions.
import { parse, parseFragment } from 'parse5';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string; content?: Node };

function textOf(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  return (n.childNodes ?? []).map(textOf).join('');
}

export function elements(html: string, fragment = false): El[] {
  const root = (fragment ? parseFragment(html) : parse(html)) as unknown as Node;
  const out: El[] = [];
  const walk = (n: Node) => {
    if (n.tagName) out.push({ tag: n.tagName, attrs: Object.fromEntries((n.attrs ?? []).map((a) => [a.name, a.value])), text: textOf(n) });
    for (const c of n.childNodes ?? []) walk(c);
    if (n.content) walk(n.content);
  };
  walk(root);
  return out;
}

/** Problems an attacker would want: event handlers and script-ish URLs. */
export function unsafeAttributes(els: El[]): string[] {
  const bad: string[] = [];
  for (const e of els) {
    for (const [k, v] of Object.entries(e.attrs)) {
      if (/^on/i.test(k)) bad.push(`<${e.tag} ${k}>`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(k) && /^\s*(javascript|vbscript|data):/i.test(v.replace(/[\u0000-\u0020]+/g, ''))) {
        bad.push(`<${e.tag} ${k}="${v}">`);
      }
    }
  }
  return bad;
}
