/** A promise with its resolvers exposed, so a test decides when a branch finishes. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
  settled: boolean;
}

export function deferred<T = void>(): Deferred<T> {
  const d = { settled: false } as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) => {
    d.resolve = (v) => {
      d.settled = true;
      resolve(v);
    };
    d.reject = (e) => {
      d.settled = true;
      reject(e);
    };
  });
  return d;
}

/** Lets every queued promise callback and setImmediate run (an event-loop turn, not a delay). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
