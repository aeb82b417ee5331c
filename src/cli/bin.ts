#!/usr/bin/env node
// The executable of `thoughtspot-rest-api` (package.json "bin"): runs the command line with the process's
// arguments, environment and streams. Everything else is in main.ts, which tests call without a process.
import { run } from "./main.js";

run(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
