/**
 * `hydrant -sc install=bash|zsh|fish`, `uninstall=…`, `query=…`: Hydra's shell completion flag.
 * The installed function calls back `hydrant -sc query=SHELL` with the line being edited.
 */
import { parseAppArgv } from "../app/argv.js";
import type { AppArgs } from "../app/types.js";
import { completeWord } from "../app/complete.js";
import path from "node:path";
import type { Io } from "./app-command.js";
import { completeSubcommand } from "./subcommand-completion.js";

/**
 * The bash function for a command: `hydrant`, or a `main()` app's script. An app is also completed
 * when run as `node SCRIPT …` (as Hydra completes `python my_app.py …`); for any other script node
 * gets the shell's file completion, as without the function.
 */
function bashScript(command: CompletionTarget): string {
  const fn = `_${command.name.replace(/[^A-Za-z0-9_]/g, "_")}_completion`;
  const helper = command.script
    ? `local helper="\${words[0]}"
  if [ "\${words[0]}" = "node" ]; then
    [ "$(basename -- "\${words[1]}" 2>/dev/null)" = ${shellWord(command.name)} ] || return
    helper="\${words[0]} \${words[1]}"
  fi`
    : `local helper=hydrant`;
  const commands = command.script ? `${shellWord(command.name)} node` : "hydrant";
  return `${fn}() {
  local words=($COMP_LINE)
  ${helper}
  local choices
  choices=$(COMP_POINT=$COMP_POINT COMP_LINE=$COMP_LINE $helper -sc query=bash 2>/dev/null)
  local word=\${words[$COMP_CWORD]}
  [ "\${COMP_LINE: -1}" = " " ] && word=""
  COMPREPLY=($(compgen -o nospace -o default -W "$choices" -- "$word"))
}
COMP_WORDBREAKS=\${COMP_WORDBREAKS//=}
COMP_WORDBREAKS=$COMP_WORDBREAKS complete -o nospace -o default -F ${fn} ${commands}
`;
}

function fishScript(command: CompletionTarget): string {
  const fn = `__${command.name.replace(/[^A-Za-z0-9_]/g, "_")}_complete`;
  const run = command.script ? shellWord(command.script) : "hydrant";
  return `function ${fn}
  set -lx COMP_LINE (commandline -cp)
  set -lx COMP_POINT (string length -- $COMP_LINE)
  ${run} -sc query=fish 2>/dev/null
end
complete -c ${shellWord(command.name)} -f -a '(${fn})'
`;
}

function scripts(command: CompletionTarget): Record<string, { install: string; uninstall: string }> {
  const fn = `_${command.name.replace(/[^A-Za-z0-9_]/g, "_")}_completion`;
  const commands = command.script ? `${shellWord(command.name)} node` : "hydrant";
  const bashUninstall = `complete -r ${commands}\nunset -f ${fn}\n`;
  return {
    bash: { install: bashScript(command), uninstall: bashUninstall },
    zsh: { install: `autoload -Uz bashcompinit && bashcompinit\n${bashScript(command)}`, uninstall: bashUninstall },
    fish: { install: fishScript(command), uninstall: `complete -c ${shellWord(command.name)} -e\nfunctions -e __${command.name.replace(/[^A-Za-z0-9_]/g, "_")}_complete\n` },
  };
}

/** What is completed: the `hydrant` bin, or a `main()` app's script (its file name is its command). */
interface CompletionTarget {
  name: string;
  script?: string;
  /** What the app's main() fills in (its config dir and name), which its command line leaves out. */
  defaults?: (args: AppArgs) => void;
}

/** A `main()` app, as completion sees it. */
export interface CompletedApp {
  script: string;
  defaults?: (args: AppArgs) => void;
}

function targetOf(app: CompletedApp | undefined): CompletionTarget {
  return app ? { name: path.basename(app.script), ...app } : { name: "hydrant" };
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** `app`: the `main()` app whose completion this is (the `hydrant` bin's otherwise). */
export async function runShellCompletion(request: string, io: Io, app?: CompletedApp): Promise<number> {
  const [action, shell = ""] = request.split("=");
  const target = targetOf(app);
  if (action === "query") return query(io, target);
  const all = scripts(target);
  const script = all[shell];
  if ((action !== "install" && action !== "uninstall") || !script) {
    io.err(`Usage: ${target.name} -sc install=SHELL | uninstall=SHELL (SHELL: ${Object.keys(all).join(", ")}), e.g. eval "$(${target.name} -sc install=bash)"\n`);
    return 1;
  }
  io.out(script[action]);
  return 0;
}

/**
 * Completes the word under the cursor of $COMP_LINE, with the rest of the line as context: the
 * bin's subcommands and their flags, or the Hydra command line's groups, keys and flags.
 */
function query(io: Io, target: CompletionTarget): number {
  const line = (process.env.COMP_LINE ?? "").slice(0, Number(process.env.COMP_POINT ?? Infinity));
  const words = dropProgram(line.split(/\s+/), target).filter((w) => w !== "");
  const current = line.endsWith(" ") ? "" : (words.pop() ?? "");
  const sub = target.script || words.length === 0 ? undefined : completeSubcommand(words, current);
  if (sub !== undefined) {
    for (const candidate of sub) io.out(`${candidate}\n`);
    return 0;
  }
  const context = words.filter((w) => w !== "-sc" && w !== "--shell-completion");
  let args: AppArgs;
  try {
    args = parseAppArgv(context);
  } catch {
    args = parseAppArgv([]);
  }
  target.defaults?.(args);
  // The first word of the bin's line may also be a subcommand: offer both.
  const subcommands = !target.script && words.length === 0 ? completeSubcommand([], current) ?? [] : [];
  for (const candidate of [...subcommands, ...completeWord(args, current)]) io.out(`${candidate}\n`);
  return 0;
}

/** The words after the program: `hydrant`, `app.mjs`, or `node app.mjs` (as the app is run). */
function dropProgram(words: string[], target: CompletionTarget): string[] {
  const skip = target.script && words[0] === "node" && path.basename(words[1] ?? "") === target.name ? 2 : 1;
  return words.slice(skip);
}
