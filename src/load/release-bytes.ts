// Bytes read and decoded already are freed at once (a module of its own: the thread that
// validates an OpenAPI document apart takes it without the loader).

/**
 * Free the memory of bytes decoded already, now rather than at a later collection (a large
 * document's bytes and its text would otherwise count together in the peak). Only a buffer
 * of its own (a large read's): a small one is a slice of Node's shared pool.
 */
export function release(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength && bytes.byteLength > 65536) buffer.transfer?.(0);
}
