/**
 * A clock for work done in slices: `tick()` gives the page back its main
 * thread (a task boundary, not a microtask) once the current slice has run
 * for `sliceMs`. One clock is shared by all the steps of one piece of work,
 * so that many small steps (a hundred changed paragraphs, each read quickly)
 * still yield, which a fresh clock per step never would.
 */
export class Slices {
  private start = performance.now();
  constructor(
    private readonly sliceMs = 8,
    private readonly pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
  ) {}

  /** Whether the slice is used up (then call `tick`). Cheap enough to ask per item. */
  get due(): boolean {
    return performance.now() - this.start > this.sliceMs;
  }

  /** Gives the page its thread back if the slice is used up, and starts the next slice. */
  async tick(): Promise<void> {
    if (!this.due) return;
    await this.pause();
    this.start = performance.now();
  }
}
