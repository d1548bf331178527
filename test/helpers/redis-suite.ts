import type { ChildProcess } from "node:child_process";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startRedis, type TestRedis } from "./redis.js";

/**
 * In a describe block: a redis-server started before its tests and stopped after them (given to
 * `onStart`), and the processes the tests push to `children` ended (SIGTERM) after each test.
 */
export function useRedis(onStart: (redis: TestRedis) => void, children: ChildProcess[] = []): void {
  let redis: TestRedis | undefined;
  beforeAll(async () => {
    redis = await startRedis();
    onStart(redis);
  });
  afterAll(async () => {
    await redis?.stop();
  });
  afterEach(() => {
    for (const p of children.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill("SIGTERM");
  });
}
