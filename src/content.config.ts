// Starlight needs a `docs` collection. All pages of this site are generated from the error
// catalog by the plugin, so the collection is empty by default; Markdown pages added under
// src/content/docs/ would still be picked up.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
