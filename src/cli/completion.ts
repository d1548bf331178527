/**
 * `hydrant -sc install=bash|zsh|fish`, `uninstall=…`, `query=…`: Hydra's shell completion flag.
 * The installed function calls back `hydrant -sc query=SHELL` with the line being edited.
 */
import { parseAppArgv } from "../app/argv.js";
import { completeWord } from "../app/complete.js";
import type { Io } from "./app-command.js";

const BASH = `_hydrant_completion() {
  local words=($COMP_LINE)
  local choices
  choices=$(COMP_POINT=$COMP_POINT COMP_LINE=$COMP_LINE hydrant -sc query=bash 2>/dev/null)
  local word=\${words[$COMP_CWORD]}
  [ "\${COMP_LINE: -1}" = " " ] && word=""
  COMPREPLY=($(compgen -o nospace -o default -W "$choices" -- "$word"))
}
COMP_WORDBREAKS=\${COMP_WORDBREAKS//=}
COMP_WORDBREAKS=$COMP_WORDBREAKS complete -o nospace -o default -F _hydrant_completion hydrant
`;

const ZSH = `autoload -Uz bashcompinit && bashcompinit\n${BASH}`;

const FISH = `function __hydrant_complete
  set -lx COMP_LINE (commandline -cp)
  set -lx COMP_POINT (string length -- $COMP_LINE)
  hydrant -sc query=fish 2>/dev/null
end
complete -c hydrant -f -a '(__hydrant_complete)'
`;

const SCRIPTS: Record<string, { install: string; uninstall: string }> = {
  bash: { install: BASH, uninstall: "complete -r hydrant\nunset -f _hydrant_completion\n" },
  zsh: { install: ZSH, uninstall: "complete -r hydrant\nunset -f _hydrant_completion\n" },
  fish: { install: FISH, uninstall: "complete -c hydrant -e\nfunctions -e __hydrant_complete\n" },
};

export async function runShellCompletion(request: string, io: Io): Promise<number> {
  const [action, shell = ""] = request.split("=");
  if (action === "query") return query(io);
  const script = SCRIPTS[shell];
  if ((action !== "install" && action !== "uninstall") || !script) {
    io.err(`Usage: hydrant -sc install=SHELL | uninstall=SHELL (SHELL: ${Object.keys(SCRIPTS).join(", ")}), e.g. eval "$(hydrant -sc install=bash)"\n`);
    return 1;
  }
  io.out(script[action]);
  return 0;
}

/** Completes the word under the cursor of $COMP_LINE, with the rest of the line as context. */
function query(io: Io): number {
  const line = (process.env.COMP_LINE ?? "").slice(0, Number(process.env.COMP_POINT ?? Infinity));
  const words = line.split(/\s+/).slice(1); // drop the program name
  const current = line.endsWith(" ") ? "" : (words.pop() ?? "");
  const context = words.filter((w) => w !== "-sc" && w !== "--shell-completion" && w !== "");
  let args;
  try {
    args = parseAppArgv(context);
  } catch {
    args = parseAppArgv([]);
  }
  for (const candidate of completeWord(args, current)) io.out(`${candidate}\n`);
  return 0;
}
