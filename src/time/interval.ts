/** A span of time as epoch milliseconds, start inclusive, end exclusive. */
export interface Interval {
  start: number;
  end: number;
}
