// The manual's catalog format page, from the zod schema the check validates with (its
// .describe() texts), through the same JSON Schema editors get: it cannot drift.
import { z } from 'zod';
import { catalogSchema, codeSchema } from '../../src/model/schema.ts';
import { cell, page } from './markdown.ts';

type Json = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  anyOf?: Json[];
  enum?: unknown[];
  additionalProperties?: Json | boolean;
  default?: unknown;
};

export interface Field {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

function typeOf(s: Json): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  if (s.type === 'array' && s.items) return `list of ${typeOf(s.items)}`;
  if (s.type === 'object' && typeof s.additionalProperties === 'object') return 'map';
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'any');
}

/** Objects inside a schema: itself, its list items, a map's values, a union's members. */
function objectsIn(s: Json, path: string): [Json, string][] {
  if (s.properties) return [[s, path]];
  if (s.items) return objectsIn(s.items, `${path}[]`);
  if (typeof s.additionalProperties === 'object') return objectsIn(s.additionalProperties, `${path}.<key>`);
  return (s.anyOf ?? []).flatMap((m) => objectsIn(m, path));
}

/** Every field of a schema, depth first, by its dotted path (`[]` for a list's items). */
export function fields(schema: z.ZodType): Field[] {
  const root = z.toJSONSchema(schema, { io: 'input', target: 'draft-07' }) as Json;
  const out: Field[] = [];
  const walk = (object: Json, prefix: string) => {
    for (const [name, s] of Object.entries(object.properties ?? {})) {
      const path = prefix ? `${prefix}.${name}` : name;
      const description = s.description ?? s.items?.description ?? s.anyOf?.find((m) => m.description)?.description ?? '';
      const dflt = s.default === undefined ? '' : ` Default: \`${JSON.stringify(s.default)}\`.`;
      out.push({ path, type: typeOf(s), required: object.required?.includes(name) ?? false, description: description + dflt });
      for (const [inner, innerPath] of objectsIn(s, path)) walk(inner, innerPath);
    }
  };
  walk(root, '');
  return out;
}

/** Two columns, so the meaning has room: the field with its type (and "required") under it. */
function table(list: Field[]): string[] {
  return [
    '| field | meaning |',
    '|---|---|',
    ...list.map((f) => `| \`${f.path.replace(/\|/g, '\\|')}\`<br/>${f.type}${f.required ? ', required' : ''} | ${cell(f.description)} |`),
  ];
}

export function catalogPage(base: string): string {
  return page('Catalog format', 'Every field of catalog.yaml and of a code file, from the schema the check validates with.', [
    'Every field the check accepts, generated from its own schema (the same one that',
    '`errcat schema` writes to `schema/*.schema.json` for editors). A path like',
    '`envelope.fields[].name` is the `name` of each item of the `fields` list; `<key>` is any',
    'key of a map. Text marked Markdown is rendered without raw HTML. How the parts fit',
    `together is in [The catalog](${base}guides/catalog/).`,
    '',
    '## catalog.yaml',
    '',
    catalogSchema.description ?? '',
    '',
    ...table(fields(catalogSchema)),
    '',
    '## codes/&lt;code&gt;.yaml',
    '',
    codeSchema.description ?? '',
    '',
    ...table(fields(codeSchema)),
  ], 'src/model/schema.ts');
}
