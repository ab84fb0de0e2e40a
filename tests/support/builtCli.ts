/**
 * The built CLI (bin/plankoll.js → lib/) for tests that need real PDFs: Jest cannot load the ESM-only pdfjs
 * in-process, so PDF commands run in a child process.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

/** Rebuilds lib/ when a source it is built from is newer (CI builds it in `npm ci` via prepare). */
export function ensureCliBuilt(): void {
  const target = join(ROOT, "lib", "cli", "main.js");
  const newest = (dir: string): number => {
    if (!existsSync(dir)) return 0;
    let t = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : /\.(ts|json)$/.test(e.name) ? statSync(p).mtimeMs : 0);
    }
    return t;
  };
  const src = Math.max(...["plan", "checks", "cli", "functions"].map((d) => newest(join(ROOT, "src", d))));
  if (existsSync(target) && statSync(target).mtimeMs >= src) return;
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "ignore",
    });
  } catch {
    // Type errors elsewhere still emit JavaScript; the checks below say whether the CLI is usable.
  }
}

/** `plankoll ARGV…` through the built CLI: exit code, stdout, stderr. */
export function builtCli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "plankoll.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A PDF's positioned text items (pdfjs in a child process, as src/cli/pdf.ts maps them). */
export function pdfItems(path: string): unknown {
  const json = execFileSync(process.execPath, [join(__dirname, "..", "import", "pdfItems.mjs"), path], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(json);
}
