/**
 * Words live in the catalogues (src/i18n): no `lang === "sv" ?` branch anywhere else in src. The rules and the
 * importers' findings have none; the files still listed in REMAINING are UI texts not yet moved to a catalogue,
 * each with at most the branches it has today, so the list can only shrink.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const root = join(__dirname, "..", "..");
const src = join(root, "src");

/** The catalogue and formatter modules: the one place where a language is chosen. */
const CATALOGUES = /^src\/i18n\//;

/** Not yet moved to a catalogue: file → its branches today. Lower a count (or drop the file) when moving one. */
const REMAINING: Record<string, number> = {};

/** A comparison with a language: `lang === "sv"`, `ctx.lang !== "en"`, `x === "sv"`. */
const BRANCH = /\blang\s*[!=]==|[!=]==\s*"(sv|en)"/g;

export function languageBranches(text: string): number {
  return text.match(BRANCH)?.length ?? 0;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

function branchesInSrc(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const file of sourceFiles(src)) {
    const path = relative(root, file).split(sep).join("/");
    if (CATALOGUES.test(path)) continue;
    const n = languageBranches(readFileSync(file, "utf8"));
    if (n > 0) out[path] = n;
  }
  return out;
}

test("the scan finds a language branch in any of its spellings, and not a plain comparison", () => {
  expect(languageBranches('const w = lang === "sv" ? "fel" : "error";')).toBe(1);
  expect(languageBranches('if (ctx.lang !== "en") return;')).toBe(1);
  expect(languageBranches('x === "en" || y === "sv"')).toBe(2);
  expect(languageBranches('rule === "sum.mismatch" && slang === 2')).toBe(0);
});

test("no language branch outside the catalogues, rules and importers' findings included", () => {
  const found = branchesInSrc();
  for (const path of [
    "src/checks",
    "src/model",
    "src/import/docSums.ts",
    "src/import/report/analyse.ts",
    "src/import/goals.ts",
    "src/import/context.ts",
  ])
    expect(Object.keys(found).filter((f) => f.startsWith(path))).toEqual([]);
  const grown = Object.entries(found)
    .filter(([file, n]) => n > (REMAINING[file] ?? 0))
    .map(([file, n]) => `${file}: ${n} (allowed ${REMAINING[file] ?? 0})`);
  expect(grown).toEqual([]);
});
