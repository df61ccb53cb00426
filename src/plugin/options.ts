// The plugin's options: one zod schema, validated once; a mistake becomes an AstroError that
// names the option, like Starlight's own config errors.
import { AstroError } from 'astro/errors';
import { z } from 'zod';

const sidebarSchema = z.union([
  z.boolean(),
  z.strictObject({
    /** Label of the top-level sidebar group to add the link to (created when missing). */
    group: z.string().min(1).optional(),
    /** The link's label. Default: the catalog's title. */
    label: z.string().min(1).optional(),
  }),
]);

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
     * Serve the site's 404 page in place of Starlight's: under the errors page's path it
     * suggests the closest codes for a mistyped code URL (/errors/turn_not_fund/).
     */
    notFound: z.boolean().default(true),
    /** Use the catalog's API name and description as the site's title and description. */
    siteTitle: z.boolean().default(false),
  })
  .default({ sidebar: true, exports: true, landing: false, notFound: true, siteTitle: false });

export type StarlightErrorCatalogUserOptions = z.input<typeof optionsSchema>;
export type StarlightErrorCatalogOptions = z.output<typeof optionsSchema>;

export function validateOptions(userOptions: unknown): StarlightErrorCatalogOptions {
  const parsed = optionsSchema.safeParse(userOptions);
  if (!parsed.success) {
    throw new AstroError(
      `Invalid starlightErrorCatalog() options:\n\n${z.prettifyError(parsed.error)}`,
      'Check the options passed to starlightErrorCatalog() in astro.config.mjs; the README lists them.',
    );
  }
  return parsed.data;
}
