import { locate } from '../load/load.ts';
import { reservedCode } from '../model/reserved.ts';
import { codeFile } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'code-reserved',
  severity: 'error',
  scope: 'file',
  description: "A code is a name the page can't give a unique id and plain URL: an id Starlight or the page uses, a dot name, a file of the built site, or URL-unsafe characters.",
  why: "The code's docs_url would land on the sidebar or the search dialog instead of its heading, or its plain URL would overwrite an export or break the build.",
  fix: 'Choose another name; the reserved names are in src/model/reserved.ts and "Limits and safety" in the manual.',
  fail: { files: codeFile({ code: 'starlight__sidebar' }), note: "starlight__sidebar is the id of Starlight's sidebar" },
  pass: { files: codeFile({ code: 'sidebar_hidden' }) },
  locked: true,
  check(ctx, report) {
    // Tests of the built-site verification turn this off to prove the verifier catches it alone.
    if (process.env.ERRCAT_UNSAFE_SKIP_RESERVED) return;
    for (const { data, file } of ctx.codes) {
      const reason = reservedCode(data.code);
      if (reason) {
        report(file, locate(file, ['code']), `code "${data.code}" ${reason}`,
          'every code needs an id and a URL of its own on the page: choose another name (see "Limits and safety" in the manual)');
      }
    }
  },
});
