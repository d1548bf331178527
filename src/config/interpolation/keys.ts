/**
 * The small key-path helpers resolution needs, kept here so this folder does not depend on
 * path.ts: OmegaConf's `split_key` and its way of printing a full key (`a.b[0].c`).
 */

const HEAD = /^\.*[^.[]*/;
const OTHER = /\.([^.[]*)|\[(.*?)\]/g;

/**
 * Splits an interpolation key the way OmegaConf does: "a.b" → [a, b], "a[0].b" → [a, 0, b],
 * "[a].b" → [a, b]. Leading dots must already have been removed by the caller.
 */
export function splitKey(key: string): string[] {
  const head = HEAD.exec(key)?.[0] ?? "";
  const tokens = head.split(".");
  if (head.length === key.length) return tokens;
  // "[a]" starts with a bracket: the empty head is not a key.
  if (key[head.length] === "[" && tokens[tokens.length - 1] === "") tokens.pop();
  for (const m of key.slice(head.length).matchAll(OTHER)) {
    tokens.push(m[1] !== undefined && m[1] !== "" ? m[1] : (m[2] ?? ""));
  }
  return tokens;
}

/** OmegaConf's full-key notation: dict keys joined by ".", list indexes as "[i]". */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}
