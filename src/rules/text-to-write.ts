import { locate } from '../load/load.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';
import { placeholderTexts } from './shared/texts.ts';

/** A placeholder: the text starts with `TODO:` and says what to write instead. */
const PLACEHOLDER = /^TODO:\s*/;

export default defineRule({
  id: 'text-to-write',
  severity: 'warning',
  scope: 'file',
  description: 'A text is still a `TODO:` placeholder (as `errcat init --from-openapi` seeds them).',
  why: 'A seeded catalog knows each code and its statuses from the OpenAPI document, but not what the error means or how to recover: only a person can write that. Published as is, the page would show the placeholders.',
  fix: 'Replace the placeholder with the text it asks for (what follows `TODO:` says what is missing).',
  fail: { files: codeFile({ summary: '"TODO: one line: what the error means"' }) },
  pass: { files: codeFile() },
  check(ctx, report) {
    for (const { file, path, text } of ctx.shared(placeholderTexts)) {
      const name = path.filter((p) => typeof p === 'string').join('.');
      report(file, locate(file, path), `${name} is still to be written`, text.trim().replace(PLACEHOLDER, 'write ').split('\n')[0]!);
    }
  },
});

