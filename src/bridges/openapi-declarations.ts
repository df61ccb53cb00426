// What the OpenAPI walk (openapi.ts) hands the comparison of responses (openapi-compare.ts):
// a code's place in the document, with its response's facts, as nodes of either parse
// (openapi-tree.ts). A module of its own, so the walk and the comparison import it and not
// each other.
import type { DocFile, DocNode } from './openapi-tree.ts';

export interface Loc {
  file: DocFile;
  node: DocNode;
}

/** Where a code appears in the document. */
export interface Declaration {
  code: string;
  file: DocFile;
  /** The code's own node (its offset is looked up only when needed: JSON files scan for it). */
  node: DocNode;
  /** `GET /orders/{id} 404 example "x"`, for messages. */
  where: string;
  /** `GET /orders/{id} 404`. */
  operation: string;
  status: string;
  kind: 'example' | 'enum';
  /** An enum in a schema the response $refs (a shared ErrorCode) lists codes; it claims no status. */
  shared?: boolean;
  /** The response's facts the comparison needs (openapi-compare.ts). */
  response: ResponseFacts;
  /** Members beside the code (`type`, `title`, `status`, `docs_url`...) by dotted path: an example's values, or a schema's `const`s. */
  members: Map<string, Loc>;
  /** The top-level member names of an example body (extension names are checked). */
  keys: Loc[];
}

/** What one response says beside its codes. */
export interface ResponseFacts {
  /** The media type key the code is under, and where it is. */
  media: string;
  mediaAt: Loc;
  /** Every media type the response offers (bare, lower-case): one of them may be the catalog's. */
  medias: string[];
  /** Header names the response declares, lower-case. */
  headers: Set<string>;
  /** The operation, the response or the example says the code is deprecated. */
  deprecated: boolean;
}

/** An operation whose responses declare no 4xx, 5xx or default response. */
export interface BareOperation {
  at: Loc;
  operation: string;
}
