export interface Benchmark {
  name: string;
  /** Runs the measurement and returns a markdown section (table + one-line verdict). */
  run(): Promise<string>;
}
