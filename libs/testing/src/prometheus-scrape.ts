/** One sample of a Prometheus text exposition: `name{label="value",...} 12`. */
export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a scrape, for tests that compare two scrapes. */
export class MetricSamples {
  constructor(
    readonly samples: readonly MetricSample[],
    readonly text: string,
  ) {}

  static parse(text: string): MetricSamples {
    const samples: MetricSample[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const match = SAMPLE.exec(line);
      if (!match) continue;
      const labels: Record<string, string> = {};
      for (const [, name, value] of (match[2] ?? '').matchAll(LABEL)) labels[name as string] = value as string;
      samples.push({ name: match[1] as string, labels, value: Number(match[3]) });
    }
    return new MetricSamples(samples, text);
  }

  /** Whether the exposition names this metric at all (a HELP line), whatever its samples. */
  declares(name: string): boolean {
    return this.text.includes(`# HELP ${name} `);
  }

  /** The sum of the samples of `name` whose labels include `labels` (0 when there is none). */
  sum(name: string, labels: Readonly<Record<string, string>> = {}): number {
    return this.samples
      .filter((sample) => sample.name === name)
      .filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
      .reduce((total, sample) => total + sample.value, 0);
  }
}

/** GET a /metrics endpoint and parse it. */
export async function scrapeMetrics(url: string): Promise<MetricSamples> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return MetricSamples.parse(await response.text());
}
