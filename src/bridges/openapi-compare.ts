// OpenAPI in, beyond "which code under which status": every response that shows a code is
// compared with what the catalog states about the code's response: its media type, the
// problem members an example or schema `const` states (type, title, status, docs URL),
// the headers its retry advice relies on, and its lifecycle. The coverage of the document
// is checked too: a code only under `default` or only in a shared enum, an operation with
// no error response. Each finding is reported once, at the node it is about.
import type { Diagnostic } from '../load/diagnostics.ts';
import { isProblem, mediaTypeOf, problemTypeUri, shapeOfCode } from '../model/envelope.ts';
import { docsUrlFor, expectedHeaders, statusesOf } from '../model/model.ts';
import type { BareOperation, Declaration, Loc } from './openapi-declarations.ts';
import { offsetOf, scalarValue } from './openapi-tree.ts';
import type { ReportAt } from './openapi-walk.ts';
import { extensionNameProblem, uriReferenceProblem } from '../model/problem-members.ts';
import type { CatalogFile, CodeFile, Shape } from '../model/schema.ts';

export function responseDiagnostics(declarations: Declaration[], bare: BareOperation[], catalog: CatalogFile, codes: CodeFile[], report: ReportAt): void {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const seen = new Set<string>();
  // A node reached through several operations (a shared response, component or alias) is reported once.
  const at = (loc: Loc, severity: Diagnostic['severity'], rule: Diagnostic['rule'], message: string, hint: string, key = '') => {
    const offset = offsetOf(loc.node);
    const id = `${rule}:${loc.file.path}:${offset}:${key}`;
    if (seen.has(id)) return;
    seen.add(id);
    report(loc.file, offset, severity, rule, message, hint);
  };
  for (const d of declarations) {
    const code = byCode.get(d.code);
    if (!code || d.shared) continue;
    const codeAt: Loc = { file: d.file, node: d.node };
    const shape = shapeOfCode(code, catalog);
    const expected = mediaTypeOf(shape);
    const media = d.response.media;
    // A response that offers the catalog's media type beside another (content negotiation) serves it.
    if (media !== expected && !d.response.medias.includes(expected)) {
      at(d.response.mediaAt, 'error', 'openapi-response', `${d.where} shows "${d.code}" served as ${media}, but ${shape.title} bodies are ${expected}`,
        `declare the content as ${expected}, or give the code the shape it is really served in`, expected);
    }
    members(d, code, shape, catalog, at);
    for (const header of expectedHeaders(code)) {
      if (d.response.headers.has(header.toLowerCase())) continue;
      at(codeAt, 'error', 'openapi-response', `${d.where} shows "${d.code}" but declares no ${header} header, which the catalog says comes with it`,
        `declare \`${header}\` under the response's headers${header === 'Retry-After' ? ': clients wait for it before retrying' : ''}`, header);
    }
    const state = code.lifecycle?.state;
    if (state === 'retired') {
      at(codeAt, 'error', 'openapi-lifecycle', `${d.where} still shows "${d.code}", which the catalog says is retired (no longer returned)`,
        code.lifecycle?.replacement ? `show "${code.lifecycle.replacement}" instead` : 'remove the code from the response');
    } else if (state === 'deprecated' && !d.response.deprecated) {
      at(codeAt, 'warning', 'openapi-lifecycle', `${d.where} offers "${d.code}", which the catalog deprecates, without marking it deprecated`,
        'mark the operation or schema `deprecated: true` (or the response or example `x-deprecated: true`)');
    }
  }
  coverage(declarations, bare, codes, at);
}

type At = (loc: Loc, severity: Diagnostic['severity'], rule: Diagnostic['rule'], message: string, hint: string, key?: string) => void;

/** The members an example or schema `const` states beside the code, against the catalog and the response's own status. */
function members(d: Declaration, code: CodeFile, shape: Shape, catalog: CatalogFile, at: At) {
  const value = (name: string) => {
    const loc = name ? d.members.get(name) : undefined;
    return loc && { loc, value: scalarValue(loc.node) };
  };
  const say = `${d.where} ${d.kind === 'enum' ? 'states' : 'shows'} for "${d.code}"`;
  const statuses = statusesOf(code);
  if (isProblem(shape)) {
    const docsUrl = docsUrlFor(catalog, code.code);
    const type = value('type');
    const wantType = problemTypeUri(shape, code.code, docsUrl);
    if (type && type.value !== wantType) {
      at(type.loc, 'error', 'openapi-response', `${say} type "${String(type.value)}", but its type is "${wantType}"`, `set "type" to "${wantType}": clients dispatch on it`);
    }
    const title = value('title');
    if (title && code.title !== undefined && title.value !== code.title && !Object.values(code.titles ?? {}).includes(title.value as string)) {
      at(title.loc, 'error', 'openapi-response', `${say} title "${String(title.value)}", but its title is "${code.title}"`,
        'a problem type\'s title never changes between occurrences; put the specifics in "detail"');
    }
    const instance = value('instance');
    const bad = instance && uriReferenceProblem(instance.value);
    if (bad) at(instance!.loc, 'error', 'problem-instance', `${say} ${bad}`, 'write "instance" as a URI reference, e.g. /orders/ord_42 or urn:uuid:...');
    for (const key of d.keys) {
      const name = String(scalarValue(key.node));
      const problem = shape.fields.some((f) => f.name === name) ? undefined : extensionNameProblem(name);
      if (problem) at(key, 'warning', 'problem-extension-name', `${d.where}: ${problem}`, 'RFC 9457 extension members are letters, digits and "_", at least three characters, starting with a letter');
    }
  }
  const statusName = isProblem(shape) ? 'status' : shape.status_field;
  const status = value(statusName ?? '');
  if (status) {
    const shown = Number(status.value);
    const exact = /^\d{3}$/.test(d.status);
    // A member equal to its response's status, which the catalog does not give the code, is openapi-status's finding.
    if (!exact && !statuses.includes(shown)) {
      at(status.loc, 'error', 'openapi-response', `${say} ${statusName} ${String(status.value)}, but the catalog returns it with ${statuses.join(', ')}`,
        `the ${statusName} member repeats the HTTP status: use ${statuses.join(' or ')}`);
    } else if (exact && shown !== Number(d.status)) {
      at(status.loc, 'error', 'openapi-response', `${say} ${statusName} ${shown}, but the response is ${d.status}`,
        `the ${statusName} member repeats the HTTP status of its response: make it ${d.status}${statuses.includes(shown) ? `, or declare the body under ${shown}` : ''}`, d.status);
    }
  }
  const docsNames = [shape.docs_url_field, 'doc_url', 'docs_url'].filter((n): n is string => !!n);
  for (const name of new Set(docsNames)) {
    const url = value(name);
    const want = docsUrlFor(catalog, code.code);
    if (url && typeof url.value === 'string' && url.value !== want) {
      const anchor = url.value.includes('#') ? url.value.slice(url.value.indexOf('#')) : '(no anchor)';
      at(url.loc, 'error', 'openapi-response', `${say} ${name} "${url.value}" (anchor ${anchor}), but its docs_url is "${want}"`, `set "${name}" to "${want}"`);
    }
  }
}

/** Codes the document never gives a real status, and operations that declare no error at all. */
function coverage(declarations: Declaration[], bare: BareOperation[], codes: CodeFile[], at: At) {
  const byCode = new Map<string, Declaration[]>();
  for (const d of declarations) {
    const list = byCode.get(d.code);
    if (list) list.push(d);
    else byCode.set(d.code, [d]);
  }
  for (const c of codes) {
    if (c.lifecycle?.state === 'retired') continue;
    const mine = byCode.get(c.code) ?? [];
    const own = mine.filter((d) => !d.shared);
    if (mine.length > 0 && own.length === 0) {
      const d = mine[0]!;
      at({ file: d.file, node: d.node }, 'warning', 'openapi-coverage',
        `"${c.code}" appears only in ${d.where}'s shared list of codes: no operation says it can return it`,
        `add an example with "${c.code}" to the responses that return it (${statusesOf(c).join(', ')})`);
    } else if (own.length > 0 && own.every((d) => d.status === 'default')) {
      const d = own[0]!;
      at({ file: d.file, node: d.node }, 'warning', 'openapi-coverage',
        `"${c.code}" is declared only under \`default\` (${d.operation}), so its status ${statusesOf(c).join(', ')} is never declared`,
        `declare it under ${statusesOf(c).join(' or ')} as well`);
    }
  }
  for (const b of bare) {
    at(b.at, 'warning', 'openapi-coverage', `${b.operation} declares no error response (no 4XX, 5XX or default)`,
      'declare the errors the operation can return, with examples of their codes');
  }
}
