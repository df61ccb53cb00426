import { locate } from '../load/load.ts';
import { closest } from '../load/suggest.ts';
import { configurable, RULE_SETTINGS, ruleSettings } from './config.ts';
import { catalogYaml } from './example-files.ts';
import { defineRule } from './rule.ts';

export default defineRule({
  id: 'rules-config',
  severity: 'error',
  scope: 'file',
  description: '`rules:` in catalog.yaml names an unknown rule, or turns off or down a rule that always applies.',
  why: 'A misspelt rule id would silently configure nothing; stability rules and the invariants behind docs_url protect clients and cannot be relaxed.',
  fix: 'Use a rule id from `errcat explain --list` (see the hint); only warning- and info-level rules may be set to off, info, warning or error.',
  fail: { files: { 'catalog.yaml': catalogYaml(undefined, 'rules:\n  schema-coment: off\n') } },
  pass: { files: { 'catalog.yaml': catalogYaml(undefined, 'rules:\n  schema-comment: off\n') } },
  check(ctx, report) {
    const file = ctx.catalogFile;
    if (!file) return;
    for (const [id, setting] of ruleSettings(file.data)) {
      const at = locate(file, ['rules', id], 'key');
      const rule = ctx.rules.find((r) => r.id === id);
      if (!rule) {
        const guess = closest(id, ctx.rules.map((r) => r.id), 1)[0];
        report(file, at, `unknown rule "${id}" in rules`, guess ? `did you mean "${guess}"?` : 'see `errcat explain --list` for the rule ids');
      } else if (RULE_SETTINGS.includes(setting) && !configurable(rule) && setting !== rule.severity) {
        report(file, at, `rule "${id}" cannot be set to ${setting}: it always applies as ${rule.severity}`,
          'only warning- and info-level rules may be turned off, down or up; stability rules and the invariants behind docs_url always apply');
      }
    }
  },
});
