/** OmegaConf 2.2 interpolation: grammar, resolution and resolvers. */
export type { DictKey, Element, Interpolation, NodeInterpolation, Piece, ResolverInterpolation, Text } from "./ast.js";
export { checkInterpolationSyntax, findInvalidInterpolation, type InvalidInterpolation } from "./syntax-check.js";
export { needsResolution, parseConfigValue, parseSingleElement } from "./grammar.js";
export { formatPath, splitKey } from "./keys.js";
export { pyStr } from "./pystr.js";
export { resolveString, resolveTree, resolveValue, select, toPlain, type ResolveOptions } from "./resolve.js";
export { clearResolver, globalResolvers, hasResolver, registerResolver, ResolverRegistry } from "./resolvers.js";
export type { ConfigPath, RegisterResolverOptions, Resolver, ResolverContext } from "./types.js";
