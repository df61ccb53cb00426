// The registry: every rule of the check, one module each. The check runs them, `errcat
// explain` prints their pages, the README's rule table is generated from them.
// Adding a rule: one new file in this directory, listed here, with its examples.
import anchorCollision from './anchor-collision.ts';
import anchorMatchesCode from './anchor-matches-code.ts';
import catalogFile from './catalog-file.ts';
import categoryKnown from './category-known.ts';
import categoryUnique from './category-unique.ts';
import codePattern from './code-pattern.ts';
import codeReserved from './code-reserved.ts';
import codeUnique from './code-unique.ts';
import duplicateKey from './duplicate-key.ts';
import exampleCodeMatch from './example-code-match.ts';
import exampleEnvelope from './example-envelope.ts';
import exampleJson from './example-json.ts';
import exampleLanguage from './example-language.ts';
import exampleStatus from './example-status.ts';
import exampleSyntax from './example-syntax.ts';
import filenameMatchesCode from './filename-matches-code.ts';
import headerFormat from './header-format.ts';
import invalidValue from './invalid-value.ts';
import limitExceeded from './limit-exceeded.ts';
import lockFormat from './lock-format.ts';
import noCodes from './no-codes.ts';
import openapiCoverage from './openapi-coverage.ts';
import openapiFile from './openapi-file.ts';
import openapiLifecycle from './openapi-lifecycle.ts';
import openapiRef from './openapi-ref.ts';
import openapiResponse from './openapi-response.ts';
import openapiStatus from './openapi-status.ts';
import openapiUndeclared from './openapi-undeclared.ts';
import openapiUnknownCode from './openapi-unknown-code.ts';
import openapiValid from './openapi-valid.ts';
import problemEnvelope from './problem-envelope.ts';
import problemExtensionName from './problem-extension-name.ts';
import problemInstance from './problem-instance.ts';
import problemMediaType from './problem-media-type.ts';
import problemStatus from './problem-status.ts';
import problemTitle from './problem-title.ts';
import problemType from './problem-type.ts';
import rawHtml from './raw-html.ts';
import recoveryRequired from './recovery-required.ts';
import referenceResolves from './reference-resolves.ts';
import relatedResolves from './related-resolves.ts';
import requiredField from './required-field.ts';
import restatesGenerated from './restates-generated.ts';
import rulesConfig from './rules-config.ts';
import schemaComment from './schema-comment.ts';
import shapeKnown from './shape-known.ts';
import shippedCategoryChanged from './shipped-category-changed.ts';
import shippedCodeRemoved from './shipped-code-removed.ts';
import shippedCodeRenamed from './shipped-code-renamed.ts';
import shippedLockEdited from './shipped-lock-edited.ts';
import shippedStatusChanged from './shipped-status-changed.ts';
import sourceDynamicCode from './source-dynamic-code.ts';
import sourceRetiredCode from './source-retired-code.ts';
import sourceSettings from './source-settings.ts';
import sourceStatusMismatch from './source-status-mismatch.ts';
import sourceUnknownCode from './source-unknown-code.ts';
import sourceUnusedCode from './source-unused-code.ts';
import statusMeaning from './status-meaning.ts';
import statusRequired from './status-required.ts';
import statusValid from './status-valid.ts';
import textToWrite from './text-to-write.ts';
import unknownKey from './unknown-key.ts';
import unsafeFile from './unsafe-file.ts';
import unsafeLink from './unsafe-link.ts';
import yamlSyntax from './yaml-syntax.ts';

export const RULES = [
  anchorCollision,
  anchorMatchesCode,
  catalogFile,
  categoryKnown,
  categoryUnique,
  codePattern,
  codeReserved,
  codeUnique,
  duplicateKey,
  exampleCodeMatch,
  exampleEnvelope,
  exampleJson,
  exampleLanguage,
  exampleStatus,
  exampleSyntax,
  filenameMatchesCode,
  headerFormat,
  invalidValue,
  limitExceeded,
  lockFormat,
  noCodes,
  openapiCoverage,
  openapiFile,
  openapiLifecycle,
  openapiRef,
  openapiResponse,
  openapiStatus,
  openapiUndeclared,
  openapiUnknownCode,
  openapiValid,
  problemEnvelope,
  problemExtensionName,
  problemInstance,
  problemMediaType,
  problemStatus,
  problemTitle,
  problemType,
  rawHtml,
  recoveryRequired,
  referenceResolves,
  relatedResolves,
  requiredField,
  restatesGenerated,
  rulesConfig,
  schemaComment,
  shapeKnown,
  shippedCategoryChanged,
  shippedCodeRemoved,
  shippedCodeRenamed,
  shippedLockEdited,
  shippedStatusChanged,
  sourceDynamicCode,
  sourceRetiredCode,
  sourceSettings,
  sourceStatusMismatch,
  sourceUnknownCode,
  sourceUnusedCode,
  statusMeaning,
  statusRequired,
  statusValid,
  textToWrite,
  unknownKey,
  unsafeFile,
  unsafeLink,
  yamlSyntax,
] as const;

export type RuleId = (typeof RULES)[number]['id'];

declare module '../load/diagnostics.ts' {
  // A diagnostic's rule is one of these ids (see RuleRegistry there).
  interface RuleRegistry {
    ruleId: RuleId;
  }
}
export type { Rule } from './rule.ts';

const BY_ID = new Map<string, (typeof RULES)[number]>(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): (typeof RULES)[number] | undefined {
  return BY_ID.get(id);
}

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);
