// Whether a second thread can run beside this one: the threads that validate a large
// OpenAPI document and parse a large catalog's samples only pay off on a core nothing else
// is using; on a busy machine they take turns with this thread and add their start.

/**
 * Cores not used over the last minute: the cores less the 1-minute load average (Windows
 * reports no load: then the cores alone). The load average lags; a wrong guess only costs
 * time, never a different result.
 */
export function spareCores(): { cores: number; spare: number } {
  const os = process.getBuiltinModule('node:os');
  const cores = os.availableParallelism();
  return { cores, spare: cores - os.loadavg()[0]! };
}
