// Starlight plugin: publish an error catalog as the errors page. In `config:setup` it runs
// the same check as the CLI; a catalog with errors stops the build before anything is
// written. Otherwise it titles the site from the catalog, adds a sidebar entry and an Astro
// integration that exposes the model (virtual module) and injects the routes.
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { z } from 'zod';
import { checkCatalog } from '../catalog/check.ts';
import { hasErrors } from '../catalog/diagnostics.ts';
import { summaryLine } from '../reporters/reporter.ts';
import { textLines } from '../reporters/text.ts';
import { catalogDir } from '../config.ts';
import { errorCatalogIntegration } from './integration.ts';
import { plainTitle, siteTitle } from '../render/page.ts';

export const optionsSchema = z
  .strictObject({
    /** Directory of the catalog (catalog.yaml + codes/). Default: $CATALOG_DIR or ./catalog. */
    catalog: z.string().optional(),
    /** Add a sidebar link to the errors page. */
    sidebar: z.boolean().default(true),
    /** Publish /errors.json, /errors.d.ts, /errors.openapi.json, /llms.txt and /llms-full.txt. */
    exports: z.boolean().default(true),
  })
  .default({ sidebar: true, exports: true });

export type StarlightErrorCatalogOptions = z.input<typeof optionsSchema>;

export class CatalogCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogCheckError';
  }
}

export default function starlightErrorCatalog(userOptions?: StarlightErrorCatalogOptions): StarlightPlugin {
  const parsed = optionsSchema.safeParse(userOptions);
  if (!parsed.success) {
    throw new Error(`Invalid starlightErrorCatalog() options:\n${z.prettifyError(parsed.error)}`);
  }
  const options = parsed.data;
  return {
    name: 'starlight-error-catalog',
    hooks: {
      'config:setup'({ config, updateConfig, addIntegration, logger }) {
        const dir = catalogDir(options.catalog);
        const result = checkCatalog(dir);
        if (result.diagnostics.length) {
          // Same records, same format as `errcat check`.
          process.stderr.write(`${textLines(result.diagnostics, result.docsUrl)}\n\n`);
        }
        if (hasErrors(result.diagnostics) || !result.model) {
          const summary = summaryLine(result.diagnostics, result.codeCount);
          process.stderr.write(`${summary}\n`);
          throw new CatalogCheckError(`The error catalog in ${dir} does not pass the check (${summary}); nothing was built.`);
        }
        const model = result.model;
        logger.info(`${summaryLine(result.diagnostics, result.codeCount)} (${dir})`);
        const { catalog } = model;
        updateConfig({
          title: siteTitle(model),
          description: catalog.description,
          ...(options.sidebar
            ? { sidebar: [...(config.sidebar ?? []), { label: plainTitle(catalog.title), link: `${model.pagePath.replace(/\/$/, '')}/` }] }
            : {}),
        });
        addIntegration(errorCatalogIntegration({ dir, model, exports: options.exports }));
      },
    },
  };
}
