/**
 * The host-free core (src/plan, src/checks) may not import a host: the lint rule is tested on the import
 * shapes that once slipped through ("../excel" without a file, two folders up), and on Node built-ins.
 * ESLint's config is an ES module, which Jest cannot load, so the cases are linted in one child process.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

const forbidden: [string, string][] = [
  ["src/import/json.ts", "../excel"],
  ["src/import/json.ts", "../excel/read"],
  ["src/checks/rules/common.ts", "../../excel"],
  ["src/checks/model.ts", "../excel"],
  ["src/checks/model.ts", "../taskpane/api"],
  ["src/plan/lookup.ts", "../cli/io"],
  ["src/plan/lookup.ts", "node:fs"],
  ["src/checks/model.ts", "exceljs"],
];
const allowed: [string, string][] = [["src/checks/model.ts", "../plan/numbers"]];

/** Number of no-restricted-imports messages for each [file, import] case. */
function restrictedImportCounts(cases: [string, string][]): number[] {
  const script = `
    const { ESLint } = require("eslint");
    const path = require("node:path");
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, spec] of JSON.parse(process.argv[1])) {
        const [r] = await eslint.lintText('import { x } from "' + spec + '";\\nexport const y = x;\\n', {
          filePath: path.join(process.cwd(), file),
        });
        out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports").length);
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const run = spawnSync(process.execPath, ["-e", script, JSON.stringify(cases)], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as number[];
}

test("lint forbids every host import from the core, at any depth", () => {
  const counts = restrictedImportCounts([...forbidden, ...allowed]);
  expect(counts.slice(0, forbidden.length)).toEqual(forbidden.map(() => 1));
  expect(counts.slice(forbidden.length)).toEqual(allowed.map(() => 0));
}, 60_000);
