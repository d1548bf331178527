import { defineConfig } from "vitest/config";

// Two cores shared with other work: a test that spawns processes, or a bounded property test, can take
// far longer than vitest's 5 s default without being wrong. Files that spawn processes also say so on
// their describe blocks; this is the floor for everything else. Never a timing assertion in a test.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
