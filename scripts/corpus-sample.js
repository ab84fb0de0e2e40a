#!/usr/bin/env node
"use strict";
/**
 * Draws the issue-9 baseline sample: a stratified random sample of `plankoll check`'s error/warning findings on
 * the shared corpus (../shared/corpus/workbooks/*.xlsx), written to tests/corpus/baseline-sample.json.
 *   node scripts/corpus-sample.js            (after npm run build:cli; engine of main 8e09e2e for the baseline)
 * Method (tests/corpus/README.md): seed 9, mulberry32; per rule a quota (QUOTA below, all findings when fewer);
 * within a rule the findings are grouped by workbook, each group shuffled, the groups visited in shuffled order
 * round-robin, so every rule and as many workbooks as possible are represented.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const corpus = path.resolve(root, "../shared/corpus/workbooks");
const SEED = 9;
const QUOTA = {
  "sum.mismatch": 50,
  "sum.range-gap": 40,
  "cell.number-as-text": 25,
  "sum.double-count": 19,
  "cell.error": 15,
  "sum.hardcoded": 11,
};
const DEFAULT_QUOTA = 10;

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
function shuffle(xs) {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

const files = fs
  .readdirSync(corpus)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();
let out;
try {
  out = execFileSync(
    process.execPath,
    [
      path.join(root, "bin/plankoll.js"),
      "check",
      "--format",
      "json",
      ...files.map((f) => path.join(corpus, f)),
    ],
    { cwd: root, maxBuffer: 1 << 28 },
  );
} catch (e) {
  out = e.stdout; // exit code 1 = findings
}
const findings = [];
for (const r of JSON.parse(out.toString()).files) {
  for (const f of r.findings) {
    if (f.severity === "info" || f.sheet === null || f.cell === null) continue;
    findings.push({
      file: path.basename(r.file),
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
    });
  }
}
const byRule = new Map();
for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
const sample = [];
for (const rule of [...byRule.keys()].sort()) {
  const groups = new Map();
  for (const f of byRule.get(rule)) groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
  const queues = shuffle([...groups.keys()].sort()).map((k) => shuffle(groups.get(k)));
  const quota = Math.min(QUOTA[rule] ?? DEFAULT_QUOTA, byRule.get(rule).length);
  let taken = 0;
  while (taken < quota)
    for (const q of queues)
      if (taken < quota && q.length) {
        sample.push(q.shift());
        taken++;
      }
}
const doc = {
  description:
    "Stratified random sample of plankoll check's error/warning findings on ../shared/corpus/workbooks (engine of main 8e09e2e), drawn by scripts/corpus-sample.js; each is judged in tests/corpus/annotations.",
  seed: SEED,
  quota: QUOTA,
  population: findings.length,
  findings: sample,
};
fs.writeFileSync(path.join(root, "tests/corpus/baseline-sample.json"), JSON.stringify(doc, null, 2) + "\n");
console.log(`${sample.length} of ${findings.length} findings sampled`);
