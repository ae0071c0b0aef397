/**
 * Holds streamed text until a line is complete. Links and Markdown never span lines, so a line can be
 * sanitised on its own; a very long line is released at its last space so the stream keeps moving.
 */
export class LineBuffer {
  private pending = '';

  constructor(private readonly maxHold = 1500) {}

  push(delta: string): string {
    this.pending += delta;
    let cut = this.pending.lastIndexOf('\n') + 1;
    if (cut === 0 && this.pending.length > this.maxHold) cut = this.pending.lastIndexOf(' ') + 1;
    if (cut <= 0) return '';
    const ready = this.pending.slice(0, cut);
    this.pending = this.pending.slice(cut);
    return ready;
  }

  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }
}
