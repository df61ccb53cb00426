// The plugin's options: one zod schema, validated once; a mistake becomes an AstroError that
// names the option, like Starlight's own config errors.
import { userError } from './user-error.ts';
import { z } from 'zod';
import { issueLines } from './option-issues.ts';

const sidebarPlacement = z.strictObject({
  /** Label of the top-level sidebar group to add the link to (created when missing). */
  group: z.string().min(1).optional(),
  /** The link's label. Default: the catalog's title. */
  label: z.string().min(1).optional(),
});
const sidebarSchema = z.union([z.boolean(), sidebarPlacement]);

export const optionsSchema = z
  .strictObject({
    /** Directory of the catalog (catalog.yaml + codes/), relative to the Astro root. Default: $CATALOG_DIR or `catalog`. */
    catalog: z.string().min(1).optional(),
    /**
     * Add a link to the errors page to the sidebar: `true` at the end, `{ group, label }` into
     * a group, `false` never. Nothing is added when the sidebar already links to the page.
     */
    sidebar: sidebarSchema.default(true),
    /** Publish /errors.json, /errors.d.ts, /errors.openapi.json, /llms.txt and /llms-full.txt. */
    exports: z.boolean().default(true),
    /** Serve a small landing page at `/` (for a site that is only the error reference). */
    landing: z.boolean().default(false),
    /**
     * A missing plain code URL under the errors page (/concepts/errors/turn_not_fund/) is sent
     * from the site's own 404 page to the errors page's notice, which suggests the closest
     * codes. Every other path keeps the site's 404 page as it is.
     */
    notFound: z.boolean().default(true),
    /** Use the catalog's API name and description as the site's title and description. */
    siteTitle: z.boolean().default(false),
    /**
     * Publish the check's rule pages (/rules/<rule>/ under package.json's homepage). Only the project's own
     * documentation site does: diagnostics link there (src/rules/docs.ts, RULE_DOCS_URL).
     */
    rulePages: z.boolean().default(false),
  })
  .default({ sidebar: true, exports: true, landing: false, notFound: true, siteTitle: false, rulePages: false });

/** The option names allowed at each object path, for "did you mean". */
const KNOWN_OPTIONS = {
  '': Object.keys(optionsSchema.unwrap().shape),
  sidebar: Object.keys(sidebarPlacement.shape),
};

export type StarlightErrorCatalogUserOptions = z.input<typeof optionsSchema>;
export type StarlightErrorCatalogOptions = z.output<typeof optionsSchema>;

export function validateOptions(userOptions: unknown): StarlightErrorCatalogOptions {
  const parsed = optionsSchema.safeParse(userOptions, { reportInput: true });
  if (!parsed.success) {
    const lines = issueLines(parsed.error.issues, KNOWN_OPTIONS);
    throw userError(
      `Invalid starlightErrorCatalog() options:\n\n${lines.map((l) => `- ${l}`).join('\n')}`,
      'Fix the options passed to starlightErrorCatalog() in astro.config.mjs; the plugin guide of the manual lists them.',
    );
  }
  return parsed.data;
}
