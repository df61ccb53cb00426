// Worker: read an OpenAPI document and every file its $refs reach with swagger-parser,
// validate it, and hand back the texts it read (the caller finds positions in them) and the
// validation problems. Reads only files under `root`, none larger than `maxBytes`, no URLs.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { readConfined } from '../load/confined.ts';
import { serveSync } from './serve-sync.ts';

export interface OpenapiReadInput {
  path: string;
  root: string;
  maxBytes: number;
  maxFiles: number;
}

export interface OpenapiReadOutput {
  /** Real path -> text of every file read. */
  files: Record<string, string>;
  /** What the validator found; `pointer` is a JSON pointer into the root document when known. */
  problems: { message: string; pointer?: string }[];
}

async function read(input: OpenapiReadInput): Promise<OpenapiReadOutput> {
  const files: Record<string, string> = {};
  const problems: OpenapiReadOutput['problems'] = [];
  const reader = {
    order: 1,
    canRead: true,
    read(file: { url: string }) {
      if (!file.url.startsWith('file:') && !file.url.startsWith('/')) throw new Error(`not a local file: ${file.url}`);
      if (Object.keys(files).length >= input.maxFiles) throw new Error(`more than ${input.maxFiles} files`);
      const path = file.url.startsWith('file:') ? fileURLToPath(file.url) : file.url;
      const text = readConfined(path, input.root, input.maxBytes);
      files[realpathSync(path)] = text;
      return text;
    },
  };
  try {
    await SwaggerParser.validate(input.path, {
      resolve: { file: reader, http: false, external: true },
      dereference: { circular: 'ignore' },
      timeoutMs: 20_000,
    } as never);
  } catch (err) {
    const details = (err as { details?: { instancePath?: string; message?: string; params?: unknown }[] }).details;
    if (Array.isArray(details) && details.length) {
      for (const d of details) problems.push({ message: `${d.message}${d.params ? ` ${JSON.stringify(d.params)}` : ''}`, pointer: d.instancePath });
    } else problems.push({ message: firstLine((err as Error).message) });
  }
  return { files, problems };
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim())?.trim() ?? s;
}

await serveSync(read);
