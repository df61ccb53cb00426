// Misuse of the command line (exit 2): unknown flags and commands, bad values.
export interface Misuse extends Error {
  code: 'ERR_ERRCAT_MISUSE';
  /** Say only the message, without the usage text (it would bury the suggestion). */
  brief: boolean;
}

export function misuse(message: string, { brief = false } = {}): Misuse {
  return Object.assign(new Error(message), { code: 'ERR_ERRCAT_MISUSE' as const, brief });
}

export function isMisuse(e: unknown): e is Misuse | (Error & { code: string; brief?: undefined }) {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'ERR_ERRCAT_MISUSE' || code.startsWith('ERR_PARSE_ARGS'));
}
