// Preloaded into a benchmarked command (`node --require …/peak-rss.cjs`): on exit, writes the
// process's peak resident memory (worker threads included) to stderr as one JSON line.
process.on("exit", () => {
  process.stderr.write(`\n${JSON.stringify({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
});
