/** Registers the built-in plugins once, through the public registry like any third-party plugin. */
import { basicSweeperPlugin } from "../sweep/basic.js";
import { basicLauncherPlugin } from "./basic.js";
import { bullmqLauncherPlugin } from "./bullmq/index.js";
import { localLauncherPlugin } from "./local.js";
import { registerLauncher, registerSweeper } from "./registry.js";

let registered = false;

export function registerBuiltinPlugins(): void {
  if (registered) return;
  registered = true;
  registerSweeper(basicSweeperPlugin);
  registerLauncher(basicLauncherPlugin);
  registerLauncher(localLauncherPlugin);
  registerLauncher(bullmqLauncherPlugin);
}
