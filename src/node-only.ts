// Node built-ins loaded by name at run time. The specifier is a variable, so bundlers building for
// browsers never try to resolve node:fs; the functions that need them only run on Node.
type NodeModules = {
  "node:fs": typeof import("node:fs");
  "node:fs/promises": typeof import("node:fs/promises");
  "node:path": typeof import("node:path");
  "node:stream": typeof import("node:stream");
  "node:stream/promises": typeof import("node:stream/promises");
  "node:zlib": typeof import("node:zlib");
};

export function importNode<K extends keyof NodeModules>(name: K): Promise<NodeModules[K]> {
  return import(/* @vite-ignore */ /* webpackIgnore: true */ name);
}
