/**
 * Delays are kept as sparse log-scale histograms: bin i counts delays in (GAMMA^(i-1), GAMMA^i] milliseconds.
 * Bins are plain counters, so a delay is recorded by adding one to a counter, and histograms of any buckets merge by
 * adding — which is what makes pre-aggregation possible. A percentile read from
 * them is within (GAMMA - 1) / (GAMMA + 1), about 4.8 %, of the exact value (the DDSketch construction).
 */
export const GAMMA = 1.1;
const LOG_GAMMA = Math.log(GAMMA);

/** Counts per bin index, as stored (`{ "52": 3, "60": 1 }`). */
export type DelayHistogram = Readonly<Record<string, number>>;

export interface DelayPercentiles {
  readonly count: number;
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

/** The bin of a delay; delays under a millisecond (or negative, from clock skew) count as bin 0. */
export function delayBin(delayMs: number): number {
  if (!(delayMs > 1)) return 0;
  return Math.ceil(Math.log(delayMs) / LOG_GAMMA);
}

/** The value a bin stands for: the point of least relative error between its bounds. */
export function binValue(bin: number): number {
  if (bin <= 0) return 1;
  return (2 * GAMMA ** bin) / (GAMMA + 1);
}

export function mergeHistograms(histograms: readonly (DelayHistogram | undefined)[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const histogram of histograms) {
    if (!histogram) continue;
    for (const [bin, count] of Object.entries(histogram)) merged[bin] = (merged[bin] ?? 0) + count;
  }
  return merged;
}

/** The nearest-rank median, 95th and 99th percentiles of a histogram, in whole milliseconds. */
export function delayPercentiles(histogram: DelayHistogram | undefined): DelayPercentiles {
  const bins = Object.entries(histogram ?? {})
    .map(([bin, count]) => [Number(bin), count] as const)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => a - b);
  const count = bins.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return { count: 0, p50Ms: null, p95Ms: null, p99Ms: null };
  const at = (quantile: number): number => {
    const rank = Math.max(1, Math.ceil(quantile * count));
    let seen = 0;
    for (const [bin, n] of bins) {
      seen += n;
      if (seen >= rank) return Math.round(binValue(bin));
    }
    return Math.round(binValue(bins[bins.length - 1]?.[0] ?? 0));
  };
  return { count, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}
