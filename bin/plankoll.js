#!/usr/bin/env node
"use strict";
// The CLI is compiled from src/cli by `npm run build:cli` (run by `npm install` through "prepare").
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write(
      "plankoll: programmet är inte byggt – kör `npm install` eller `npm run build:cli`.\n" +
        "plankoll: not built – run `npm install` or `npm run build:cli`.\n",
    );
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(
      `plankoll: oväntat fel / unexpected error: ${err && err.message ? err.message : err}\n`,
    );
    process.exitCode = 2;
  },
);
