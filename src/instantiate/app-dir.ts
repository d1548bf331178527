/**
 * The app's directory: where `_target_` modules resolve from by default, as an `import` written in the
 * app's script would. `main()` sets it to its script's directory; elsewhere it is the working directory.
 */
let dir: string | undefined;

export function setAppDir(value: string | undefined): void {
  dir = value;
}

export function appDir(): string {
  return dir ?? process.cwd();
}
