/**
 * The import graph of src, read with the TypeScript compiler (every import, export-from, import type and
 * dynamic import, resolved as tsc resolves them), against the layering of docs/architecture.md. Independent of
 * the lint zones, so a hole in one is caught by the other; a failure names each offending edge.
 */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";

const root = join(__dirname, "..", "..");
const src = join(root, "src");

/** What each layer may import besides itself; an absent layer may import anything but the edges. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  model: [],
  plan: ["model"],
  checks: ["model", "plan"],
  import: ["model", "plan", "checks"],
  i18n: ["model", "plan", "checks", "import"],
  excel: ["model", "plan", "checks", "i18n"],
};
/** The edges: nothing imports them but themselves (the workbench hosts the pane). */
const EDGES: Record<string, readonly string[]> = { cli: [], taskpane: ["workbench"], workbench: [] };

interface Edge {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

/** Every import of a src file that resolves into src, as repository-relative paths. */
function importEdges(): Edge[] {
  const options: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Node10,
    resolveJsonModule: true,
  };
  const edges: Edge[] = [];
  for (const file of sourceFiles(src)) {
    const info = ts.preProcessFile(ts.sys.readFile(file) ?? "", true, true);
    for (const spec of info.importedFiles) {
      const resolved = ts.resolveModuleName(spec.fileName, file, options, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = relative(root, resolved.resolvedFileName).split(sep).join("/");
      if (target.startsWith("src/"))
        edges.push({ from: relative(root, file).split(sep).join("/"), to: target });
    }
  }
  return edges;
}

const layerOf = (path: string) => path.split("/")[1];

/** The edges the layering forbids, as "src/plan/x.ts → src/checks/y.ts (plan may not import checks)". */
function forbiddenEdges(edges: readonly Edge[]): string[] {
  return edges.flatMap(({ from, to }) => {
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === b) return [];
    const allowed = MAY_IMPORT[a];
    const refused = (allowed && !allowed.includes(b)) || (EDGES[b] && !EDGES[b].includes(a));
    return refused ? [`${from} → ${to} (${a} may not import ${b})`] : [];
  });
}

test("the graph is read: the engine imports the model and the plan, the pane the importers", () => {
  const layers = new Set(importEdges().map((e) => `${layerOf(e.from)}→${layerOf(e.to)}`));
  for (const edge of ["checks→model", "checks→plan", "import→checks", "taskpane→import", "cli→import"])
    expect(layers).toContain(edge);
});

test("no import goes against the layers: model imports nothing, plan only model, checks not import", () => {
  expect(forbiddenEdges(importEdges())).toEqual([]);
});

test("a forbidden edge is named with its files", () => {
  expect(
    forbiddenEdges([
      { from: "src/plan/lookup.ts", to: "src/checks/index.ts" },
      { from: "src/model/types.ts", to: "src/plan/schema.ts" },
      { from: "src/checks/model.ts", to: "src/import/json.ts" },
      { from: "src/excel/read.ts", to: "src/cli/io.ts" },
      { from: "src/functions/core.ts", to: "src/taskpane/api.ts" },
      { from: "src/workbench/index.tsx", to: "src/taskpane/api.ts" },
      { from: "src/import/json.ts", to: "src/checks/planConsistency.ts" },
    ]),
  ).toEqual([
    "src/plan/lookup.ts → src/checks/index.ts (plan may not import checks)",
    "src/model/types.ts → src/plan/schema.ts (model may not import plan)",
    "src/checks/model.ts → src/import/json.ts (checks may not import import)",
    "src/excel/read.ts → src/cli/io.ts (excel may not import cli)",
    "src/functions/core.ts → src/taskpane/api.ts (functions may not import taskpane)",
  ]);
});
