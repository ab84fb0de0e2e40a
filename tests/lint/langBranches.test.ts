/**
 * Words live in the catalogues (src/i18n): no `lang === "sv" ?` branch anywhere else in src, neither in rules and
 * importers nor in the CLI, the functions or the pane.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const root = join(__dirname, "..", "..");
const src = join(root, "src");

/** The catalogue and formatter modules: the one place where a language is chosen. */
const CATALOGUES = /^src\/i18n\//;

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

test("no language branch outside the catalogues", () => {
  expect(branchesInSrc()).toEqual({});
});
