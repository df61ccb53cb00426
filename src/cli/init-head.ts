// catalog.yaml's opening lines, shared by `errcat init` and `errcat init --from-openapi`.

/** A YAML double-quoted scalar (JSON's string syntax is YAML's). */
export const q = (s: string) => JSON.stringify(s);

/** catalog.yaml's lines up to its envelope, the same for a starter and a seeded catalog. */
export function catalogHead(name: string, docsUrl: URL, schema: string, codePattern: string): string {
  return `# yaml-language-server: $schema=${schema}
api: ${q(name)}
title: Errors
description: ${q(`Every error the ${name} API returns, with its stable code, HTTP status, and how to recover.`)}
docs_url: ${q(docsUrl.href)}
code_pattern: ${q(codePattern)}
intro: Every error response carries a stable \`code\`. Match on it, not on the message.
`;
}
