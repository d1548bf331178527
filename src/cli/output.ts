/**
 * The process's stdout and stderr as the CLI writes them. A reader that goes away (`hydrant … | head`)
 * is no error: hydrant stops printing and ends quietly, as `seq`, `git log` or `rg` do. Long output (a
 * million-job `--cfg job` preview) is written one chunk at a time, each only once the previous one
 * went out, so a slow or closed reader holds hydrant back instead of filling its memory.
 */

type Stream = NodeJS.WriteStream;

const closed = new WeakSet<Stream>();
const guarded = new WeakSet<Stream>();

/**
 * From now on a write error on stdout/stderr (EPIPE: the reader closed the pipe) marks the stream
 * closed and later writes are dropped, instead of an unhandled 'error' event.
 */
export function guardPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (guarded.has(stream)) continue;
    guarded.add(stream);
    stream.on("error", () => closed.add(stream));
  }
}

/** Writes unless the reader is gone; never throws. */
export function writeTo(stream: Stream, text: string | Uint8Array): void {
  if (closed.has(stream)) return;
  stream.write(text);
}

/** Writes and waits until the chunk went out; false when the reader is gone (stop writing then). */
export function writeAndWait(stream: Stream, text: string): Promise<boolean> {
  if (closed.has(stream)) return Promise.resolve(false);
  return new Promise((resolve) => {
    stream.write(text, (err) => resolve(!err && !closed.has(stream)));
  });
}

/** Whether the reader of stdout went away. */
export function stdoutClosed(): boolean {
  return closed.has(process.stdout);
}
