// The rules that reading and parsing report: their ids and severities. The load layer sits
// below the rules (every rule's check reads what load returns), so it cannot import them;
// each of these rules' modules in src/rules/ takes its id and severity from here instead.
import type { Severity } from './diagnostics.ts';

const loadRule = <const Id extends string>(id: Id, severity: Severity) => ({ id, severity });

export const catalogFileRule = loadRule('catalog-file', 'error');
export const duplicateKey = loadRule('duplicate-key', 'error');
export const limitExceeded = loadRule('limit-exceeded', 'error');
export const unsafeFile = loadRule('unsafe-file', 'error');
export const yamlSyntax = loadRule('yaml-syntax', 'error');
