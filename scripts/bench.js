#!/usr/bin/env node
"use strict";
/**
 * `npm run bench`: compiles the benchmarks (scripts/bench/*.ts) with tsc, then runs each one's
 * `run()` in turn and prints its figures and ratios to the goals. Pass names to run only some:
 * `npm run bench -- functions checks`.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
// Words starting with -- are options for the benches themselves (e.g. `precision --list`), not names.
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));

execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.bench.json"], {
  cwd: root,
  stdio: "inherit",
});

const dir = path.join(root, "build/bench/scripts/bench");
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".js"))
  .map((f) => f.replace(/\.js$/, ""))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();

(async () => {
  let failed = 0;
  for (const name of names) {
    const started = Date.now();
    try {
      const { run } = require(path.join(dir, `${name}.js`));
      const result = await run();
      console.log(`\n## ${result.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      for (const line of result.lines) console.log(`  ${line}`);
    } catch (err) {
      failed++;
      console.log(`\n## ${name}: FAILED – ${err && err.message ? err.message : err}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
})();
