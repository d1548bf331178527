// Runs every benchmark and writes the figures to bench/results/latest.json (ratios against the floor).
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { benchStartup } from "./startup.mjs";
import { benchCompose } from "./compose.mjs";

const out = { date: new Date().toISOString(), node: process.version };
const startup = benchStartup();
console.log("== start-up ==\n" + startup.text + "\n");
out.startup = startup.results;
const compose = await benchCompose();
console.log("== in-process compose ==\n" + compose.text + "\n");
out.compose = compose.results;
for (const extra of ["./scaling.mjs", "./sweep.mjs", "./memory.mjs", "./queue.mjs"]) {
  if (!existsSync(new URL(extra, import.meta.url))) continue;
  const mod = await import(extra);
  if (typeof mod.bench !== "function") continue;
  const r = await mod.bench();
  console.log(`== ${extra} ==\n${r.text}\n`);
  out[extra.replace(/\W/g, "")] = r.results;
}
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/latest.json", JSON.stringify(out, null, 2));
