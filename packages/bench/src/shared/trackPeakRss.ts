/**
 * Samples the RSS of this process every 100 ms until `stop`, which returns
 * the highest value seen in MB (the process-wide `maxRSS` never goes down,
 * so it cannot tell one run from the one before).
 */
export function trackPeakRss(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / 1024 / 1024;
    },
  };
}
