// Preloaded into a measured process (node --import): prints its peak resident memory on exit.
process.on('exit', () => {
  process.stderr.write(`\npeakRSS=${process.resourceUsage().maxRSS * 1024}\n`);
});
