// RFC 9457 rules on a problem's members that hold whatever the catalog says: `instance`
// is a URI reference (RFC 3986), and extension member names should be letters, digits and
// underscores, at least three characters, starting with a letter (so every client
// language can map them to a field). Used on catalog examples and OpenAPI examples alike.

const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;
const EXTENSION_NAME = /^[A-Za-z][A-Za-z0-9_]{2,}$/;

/** Why `instance` is not a URI reference, if it is not. */
export function uriReferenceProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `instance ${JSON.stringify(value)}, which is not a string`;
  if (!URI_REFERENCE.test(value)) return `instance "${value}", which is not a URI reference (spaces and such characters must be percent-encoded)`;
  // A colon before any "/", "?" or "#" ends a scheme, which must be a valid one.
  const scheme = /^([^/?#]*):/.exec(value);
  if (scheme && !SCHEME.test(scheme[1]!)) return `instance "${value}", whose scheme "${scheme[1]}" is not valid`;
  return undefined;
}

/** Why an extension member's name goes against RFC 9457's advice, if it does. */
export function extensionNameProblem(name: string): string | undefined {
  return EXTENSION_NAME.test(name) ? undefined : `extension member "${name}" is not letters, digits and "_" (at least three, starting with a letter)`;
}
