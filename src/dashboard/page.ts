/**
 * The page: a tiny HTML shell around the client bundle (dist/dashboard/app.js, built by
 * scripts/build.mjs from client/). The server links the bundle; the report inlines it with its data.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LaunchError } from "../errors.js";

const ASSET = path.join("dist", "dashboard", "app.js");

let cached: string | undefined;

/** The client bundle's text, found from this module's place in the package (src/ or dist/). */
export function clientBundle(): string {
  if (cached !== undefined) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = path.join(dir, ASSET);
    if (existsSync(file)) return (cached = readFileSync(file, "utf8"));
    const up = path.dirname(dir);
    if (up === dir) throw new LaunchError(`The dashboard's page (${ASSET}) is missing: run 'npm run build' in the hydrant package.`);
    dir = up;
  }
}

const HEAD = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hydrant</title>`;

/** The page the server sends: its script is the one other thing it serves. */
export function serverPage(): string {
  return `${HEAD}\n</head>\n<body>\n<div id="app"></div>\n<script src="app.js"></script>\n</body>\n</html>\n`;
}

/**
 * One self-contained file: data and script inline, and a policy that forbids every fetch, so the
 * report opens from disk and never reaches the network.
 */
export function reportPage(data: unknown, title: string): string {
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";
  return `${HEAD.replace("<title>hydrant</title>", `<title>${escapeHtml(title)}</title>`)}
<meta http-equiv="Content-Security-Policy" content="${csp}">
</head>
<body>
<div id="app"></div>
<script type="application/json" id="hydrant-data">${jsonForScript(data)}</script>
<script>${clientBundle().replace(/<\/(script)/gi, "<\\/$1")}</script>
</body>
</html>
`;
}

/** JSON inside a script element: `<` escaped so no text can close the element. */
function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}
