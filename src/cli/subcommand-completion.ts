/**
 * Completion of the bin's own subcommands (`hydrant res<Tab>` → `results`) and of their flags.
 * Their positional arguments (sweep dirs, spec files) are left to the shell's file completion.
 */
import { SUBCOMMANDS } from "./routing.js";

/** Each subcommand's flags, and its own subcommands or fixed first argument where it has them. */
const SUBCOMMAND_WORDS: Record<string, { flags: string[]; words?: string[] }> = {
  results: { flags: ["--sort-by", "--sort", "--desc", "--html", "--best", "--help"] },
  ui: { flags: ["--port", "--host", "--help"] },
  worker: { flags: ["--redis", "--queue", "--concurrency", "--lock-duration", "--stalled-interval", "--help"] },
  queue: { flags: ["--redis", "--queue", "--help"], words: ["status"] },
  completion: { flags: ["--help"], words: ["bash", "zsh", "fish"] },
  experiment: { flags: [], words: ["run", "list", "stop", "logs", "show"] },
  types: { flags: ["--config-dir", "--config-name", "--out", "--check", "--name", "--help"] },
  schema: { flags: ["--config-dir", "--config-name", "--out", "--check", "--for", "--help"] },
};

/** The subcommands completion knows (a test checks it against the bin's routing). */
export const COMPLETED_SUBCOMMANDS: readonly string[] = Object.keys(SUBCOMMAND_WORDS);

const EXPERIMENT_FLAGS: Record<string, string[]> = {
  run: ["--resume", "--yes", "--limit", "--parallel", "--background", "--root", "--show", "--research_only", "--no_confusion", "--advanced"],
  list: ["--root"],
  stop: ["--root"],
  logs: ["--follow", "--root"],
  show: ["--sort-by", "--desc", "--format", "--output", "--root"],
};

/**
 * Candidates for `current` when the line is a subcommand's (`words` are the finished words after
 * the program name); undefined when it is the Hydra app command line.
 */
export function completeSubcommand(words: string[], current: string): string[] | undefined {
  const [sub, ...rest] = words;
  if (sub === undefined) {
    // The first word: a subcommand, or the start of an app command line (flags, overrides).
    if (current.startsWith("-") || current.includes("=")) return undefined;
    const subs = [...SUBCOMMANDS, "rerun"].filter((s) => s.startsWith(current)).sort();
    return subs.length > 0 ? subs : undefined;
  }
  const spec = SUBCOMMAND_WORDS[sub];
  if (!spec) return undefined;
  if (sub === "experiment" && rest.length > 0) return matching(EXPERIMENT_FLAGS[rest[0]] ?? [], current);
  if (current.startsWith("-")) return matching(spec.flags, current);
  // The first positional of `queue`, `completion`, `experiment`; anything else is a path.
  return spec.words && !rest.some((w) => !w.startsWith("-")) ? matching(spec.words, current) : [];
}

function matching(candidates: string[], current: string): string[] {
  return current.startsWith("-") || candidates.every((c) => !c.startsWith("-")) ? candidates.filter((c) => c.startsWith(current)).sort() : [];
}
