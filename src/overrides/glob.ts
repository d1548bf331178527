/**
 * `glob(...)` option filtering with Python's `fnmatch.fnmatch` semantics (POSIX, case-sensitive):
 * `*` any run (including `/`), `?` one character, `[seq]` / `[!seq]` character sets with ranges; a `[`
 * without its `]` is literal. Matching is an iterative two-pointer walk (no regular expressions, no
 * exponential backtracking).
 */
import type { Glob } from "./types.js";

type Piece = { kind: "star" } | { kind: "any" } | { kind: "char"; ch: string } | { kind: "set"; negate: boolean; test: (c: string) => boolean };

function compile(pattern: string): Piece[] {
  const chars = Array.from(pattern);
  const pieces: Piece[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === "*") {
      if (pieces[pieces.length - 1]?.kind !== "star") pieces.push({ kind: "star" });
    } else if (c === "?") pieces.push({ kind: "any" });
    else if (c === "[") {
      const set = compileSet(chars, i);
      if (set) {
        pieces.push(set.piece);
        i = set.end;
      } else pieces.push({ kind: "char", ch: "[" });
    } else pieces.push({ kind: "char", ch: c });
  }
  return pieces;
}

/** `[...]` starting at `open`; undefined when there is no closing `]` (then `[` is literal). */
function compileSet(chars: string[], open: number): { piece: Piece; end: number } | undefined {
  let j = open + 1;
  const negate = chars[j] === "!";
  if (negate) j++;
  if (chars[j] === "]") j++; // a leading ']' is a member
  while (j < chars.length && chars[j] !== "]") j++;
  if (j >= chars.length) return undefined;
  const body = chars.slice(open + 1 + (negate ? 1 : 0), j);
  const ranges: [string, string][] = [];
  for (let k = 0; k < body.length; k++) {
    const lo = body[k] as string;
    if (body[k + 1] === "-" && k + 2 < body.length) {
      ranges.push([lo, body[k + 2] as string]);
      k += 2;
    } else ranges.push([lo, lo]);
  }
  const test = (c: string): boolean => ranges.some(([lo, hi]) => lo <= c && c <= hi);
  return { piece: { kind: "set", negate, test }, end: j };
}

function pieceMatches(p: Piece, c: string): boolean {
  if (p.kind === "any") return true;
  if (p.kind === "char") return p.ch === c;
  if (p.kind === "set") return p.test(c) !== p.negate;
  return false;
}

/** Python's `fnmatch.fnmatch(name, pattern)` on POSIX. */
export function fnmatch(name: string, pattern: string): boolean {
  const pieces = compile(pattern);
  const chars = Array.from(name);
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < chars.length) {
    const piece = pieces[p];
    if (piece && piece.kind !== "star" && pieceMatches(piece, chars[n] as string)) {
      p++;
      n++;
    } else if (piece?.kind === "star") {
      starP = p++;
      starN = n;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else return false;
  }
  while (pieces[p]?.kind === "star") p++;
  return p === pieces.length;
}

/** Hydra's `Glob.filter`: the names matching an include pattern and no exclude pattern, in input order. */
export function filterGlob(glob: Glob, names: readonly string[]): string[] {
  const matchesAny = (name: string, patterns: readonly string[]): boolean => patterns.some((g) => fnmatch(name, g));
  return names.filter((name) => matchesAny(name, glob.include) && !matchesAny(name, glob.exclude));
}
