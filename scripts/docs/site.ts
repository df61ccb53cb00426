// Where the manual is published: the site whose rules/<id>/ pages every diagnostic links
// to (RULE_DOCS_URL), so the manual's address follows that one setting.
import { RULE_DOCS_URL } from '../../src/rules/docs.ts';

const home = new URL('..', RULE_DOCS_URL);

/** The manual's origin (Astro's `site`) and path on it with a trailing slash (`base`). */
export const MANUAL = { url: home.href, site: home.origin, base: home.pathname };

/** Where the manual's source and build are, relative to the repository. */
export const DOCS_ROOT = 'docs';
export const GENERATED_DIRS = ['src/content/docs/rules', 'src/content/docs/reference'];

/** The manual's review page: its review example and copy-paste workflows are tested verbatim. */
export const REVIEW_PAGE = 'docs/src/content/docs/guides/review.md';
