/**
 * The README is the front door: its quickstart installs Chromium before `npm test` (the browser tests need
 * it), and every file it names is in the repository (it cited DESIGN.md, which a clone does not have).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

test("the quickstart installs Chromium before npm test", () => {
  const quickstart = README.slice(README.indexOf("## Snabbstart"), README.indexOf("## Vad finns"));
  const chromium = quickstart.indexOf("apt-get install -y chromium");
  expect(chromium).toBeGreaterThan(0);
  expect(chromium).toBeLessThan(quickstart.indexOf("npm test"));
});

test("every file the README names is in the repository", () => {
  const named = new Set<string>();
  // Markdown links to local files.
  for (const m of README.matchAll(/\]\(([^)#\s]+)\)/g)) if (!/^[a-z]+:/.test(m[1])) named.add(m[1]);
  // Paths in the repository's own folders, and documents by name (DESIGN.md, CONTRIBUTING.md …).
  for (const m of README.matchAll(/(?<![\w/.-])((?:src|docs|examples|scripts|tests|\.ci)\/[\w./-]*\w)/g))
    named.add(m[1]);
  for (const m of README.matchAll(/\b([A-Z][A-Za-z_-]*\.md)\b/g)) named.add(m[1]);
  expect(named.size).toBeGreaterThan(3);
  expect([...named].filter((f) => !existsSync(join(ROOT, f)))).toEqual([]);
});
