/**
 * A syntax error of the `yaml` package as hydrant reports it: at the place a reader looks for the
 * mistake. The package places some errors where its parser noticed them, which is often a line early
 * or at the end of the file; PyYAML (what Hydra users know) points at the mistake.
 */
import type { Document, LineCounter, Node, YAMLError } from "yaml";
import { ConfigParseError } from "../errors.js";
import { yamlLib } from "./yaml-lib.js";

/** The first of `doc.errors` (parsed from `text`) as a ConfigParseError at file:line:column. */
export function syntaxError(doc: Document<Node, boolean>, text: string, lineCounter: LineCounter, file: string | undefined): ConfigParseError {
  const first = doc.errors[0];
  const { offset, note } = mistakeAt(doc, text, first);
  const pos = lineCounter.linePos(offset);
  const what = first.message.replace(/ at line \d+, column \d+:[\s\S]*$/, "").replace(/; please use .*$/, "");
  const where = `${file ?? "<yaml>"}:${pos.line}:${pos.col}`;
  return new ConfigParseError(`YAML syntax error at ${where}: ${what}${note ?? ""}`, { file, line: pos.line, column: pos.col });
}

function mistakeAt(doc: Document<Node, boolean>, text: string, err: YAMLError): { offset: number; note?: string } {
  if (err.code === "BLOCK_AS_IMPLICIT_KEY" || err.code === "MULTILINE_IMPLICIT_KEY") {
    // `b: 2` then ` c: 3` one column in: the package blames `2` (a key running over two lines), the
    // mistake is the `:` on the next line, where that multi-line key ends.
    const multiline = doc.errors.find((e) => e.code === "MULTILINE_IMPLICIT_KEY" && text.slice(e.pos[0], e.pos[1]).includes("\n"));
    if (multiline) return { offset: multiline.pos[1], note: " (this line's indentation continues the value above it: align it with its siblings)" };
  }
  if (err.code === "MISSING_CHAR" && /closing .?quote/i.test(err.message)) {
    // Found at the end of the file (or of the flow); the quote that was never closed is where it opened.
    const opened = openQuoteBefore(doc, err.pos[0]);
    if (opened !== undefined) return { offset: opened, note: " (this quoted string is never closed)" };
  }
  return { offset: err.pos[0] };
}

/** Where the last quoted scalar that runs up to `offset` starts. */
function openQuoteBefore(doc: Document<Node, boolean>, offset: number): number | undefined {
  let start: number | undefined;
  yamlLib().visit(doc, {
    Scalar(_key, node) {
      const [from, to] = node.range ?? [0, 0];
      if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && from < offset && to >= offset) start = from;
    },
  });
  return start;
}
