// Worker: the OpenAPI side of a review (openapi-review.ts), parsed within the bound runSync sets.
import { readOpenapiChanges } from './openapi-review.ts';
import { serveSync } from './serve-sync.ts';

await serveSync(async (input: Parameters<typeof readOpenapiChanges>[0]) => readOpenapiChanges(input));
