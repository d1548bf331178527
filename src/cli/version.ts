/** hydrant's version, set by the build (scripts/build.mjs); "0.0.0-dev" when run from source. */
declare const HYDRANT_VERSION: string | undefined;

export const VERSION = typeof HYDRANT_VERSION === "string" ? HYDRANT_VERSION : "0.0.0-dev";
