// The JSON Schemas editors use, generated from the zod schema the check uses.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { catalogSchema, codeSchema } from './schema.ts';

export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../schema');

export function jsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string) =>
    `${JSON.stringify({ ...z.toJSONSchema(schema, { io: 'input', target: 'draft-07' }), $id: id }, null, 2)}\n`;
  return {
    'catalog.schema.json': render(catalogSchema, 'catalog.schema.json'),
    'code.schema.json': render(codeSchema, 'code.schema.json'),
  };
}

export function writeSchemas(dir = SCHEMA_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(jsonSchemas()).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}
