/**
 * The layers of src may import only inwards (docs/architecture.md): the lint zones are tested with one forbidden
 * import per layer (folder imports and deeper paths too, since the zones work on resolved paths) and with
 * allowed ones; the host-free core may not import Node built-ins, Office, React or ExcelJS.
 * ESLint's config is an ES module, which Jest cannot load, so the cases are linted in one child process.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

const ZONE = "import-x/no-restricted-paths";
const HOST = "no-restricted-imports";

/** [importing file, import, the rule that must refuse it]. */
const forbidden: [string, string, string][] = [
  ["src/model/types.ts", "../plan/schema", ZONE],
  ["src/model/address.ts", "../checks/formula", ZONE],
  ["src/plan/lookup.ts", "../checks/index", ZONE],
  ["src/plan/content.ts", "../import", ZONE],
  ["src/checks/model.ts", "../import/json", ZONE],
  ["src/checks/model.ts", "../excel", ZONE],
  ["src/checks/rules/common.ts", "../../excel", ZONE],
  ["src/checks/model.ts", "../taskpane/api", ZONE],
  // Words are rendered at the edges: rules and importers produce message ids, never text.
  ["src/checks/rules/common.ts", "../../i18n", ZONE],
  ["src/import/docSums.ts", "../i18n/sv", ZONE],
  ["src/plan/content.ts", "../i18n", ZONE],
  ["src/i18n/sv.ts", "../excel/report", ZONE],
  ["src/import/json.ts", "../excel", ZONE],
  ["src/import/json.ts", "../excel/read", ZONE],
  ["src/import/report/index.ts", "../../cli/io", ZONE],
  ["src/excel/read.ts", "../taskpane/api", ZONE],
  ["src/excel/read.ts", "../cli/io", ZONE],
  ["src/functions/core.ts", "../checks/index", ZONE],
  ["src/commands/commands.ts", "../taskpane/api", ZONE],
  ["src/cli/main.ts", "../taskpane/api", ZONE],
  ["src/cli/main.ts", "../excel/read", ZONE],
  ["src/taskpane/api.ts", "../cli/io", ZONE],
  ["src/taskpane/api.ts", "../workbench/sample", ZONE],
  ["src/workbench/index.tsx", "../cli/io", ZONE],
  ["src/plan/lookup.ts", "node:fs", HOST],
  ["src/checks/model.ts", "exceljs", HOST],
  ["src/import/json.ts", "react", HOST],
  ["src/model/types.ts", "path", HOST],
  ["src/i18n/format.ts", "node:util", HOST],
];
const allowed: [string, string][] = [
  ["src/plan/lookup.ts", "../model/types"],
  ["src/checks/model.ts", "../plan/numbers"],
  ["src/import/json.ts", "../checks/planConsistency"],
  ["src/excel/read.ts", "../checks/index"],
  ["src/cli/main.ts", "../import/index"],
  ["src/taskpane/api.ts", "../excel"],
  ["src/cli/report.ts", "../i18n"],
  ["src/taskpane/strings.ts", "../i18n/index"],
  ["src/i18n/en.ts", "../plan/numbers"],
  ["src/i18n/summary.ts", "../plan/schema"],
  ["src/i18n/describeTable.ts", "../import/report/types"],
  ["src/workbench/index.tsx", "../taskpane/api"],
  ["src/i18n/format.ts", "../plan/numbers"],
];

/** The rule ids of the boundary messages for each [file, import] case. */
function boundaryMessages(cases: [string, string][]): string[][] {
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
        out.push(r.messages.map((m) => m.ruleId).filter((id) => id === "${ZONE}" || id === "${HOST}"));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const run = spawnSync(process.execPath, ["-e", script, JSON.stringify(cases)], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

test("lint refuses each forbidden direction between layers, and host imports in the core", () => {
  const got = boundaryMessages([...forbidden, ...allowed].map(([file, spec]) => [file, spec]));
  const label = ([file, spec]: [string, string, ...unknown[]], i: number) =>
    `${file} ← ${spec}: ${got[i].join(",")}`;
  expect(forbidden.map((c, i) => label(c, i))).toEqual(
    forbidden.map(([f, s, rule]) => `${f} ← ${s}: ${rule}`),
  );
  expect(allowed.map((c, i) => label(c, forbidden.length + i))).toEqual(
    allowed.map(([f, s]) => `${f} ← ${s}: `),
  );
}, 120_000);
