/** One sample of the Prometheus text format: `name{label="value",…} number`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Reads the text exposition format into samples, and finds them by name and labels. */
export function parseExposition(text: string) {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(LABEL)) labels[k] = v.replace(/\\(.)/g, '$1');
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  const matches = (s: Sample, labels: Record<string, string>) =>
    Object.entries(labels).every(([k, v]) => s.labels[k] === v);
  return {
    samples,
    /** The value of the one sample with this name whose labels include `labels`; undefined if none. */
    value(name: string, labels: Record<string, string> = {}): number | undefined {
      const hits = samples.filter((s) => s.name === name && matches(s, labels));
      if (hits.length > 1)
        throw new Error(`${hits.length} samples of ${name} match ${JSON.stringify(labels)}`);
      return hits[0]?.value;
    },
    /** The sum over every sample with this name whose labels include `labels`. */
    sum(name: string, labels: Record<string, string> = {}): number {
      return samples.filter((s) => s.name === name && matches(s, labels)).reduce((a, s) => a + s.value, 0);
    },
  };
}
