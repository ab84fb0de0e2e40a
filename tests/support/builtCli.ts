/**
 * The built CLI (bin/plankoll.js → lib/) for what Jest cannot run in-process: the ESM-only pdfjs (PDF commands)
 * and worker threads, which load the compiled lib/cli/checkWorker.js.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import { join } from "path";

export const ROOT = join(__dirname, "..", "..");

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
  const src = Math.max(
    ...["model", "i18n", "plan", "checks", "import", "cli", "functions"].map((d) =>
      newest(join(ROOT, "src", d)),
    ),
  );
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

/** `plankoll ARGS…` through the built CLI, with extra environment variables (PLANKOLL_JOBS): code, stdout, stderr. */
export function runBuiltCli(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "plankoll.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** `plankoll ARGV…` through the built CLI: exit code, stdout, stderr. */
export const builtCli = (...args: string[]) => runBuiltCli(args);

/** A PDF's positioned text items (pdfjs in a child process, as src/cli/pdf.ts maps them). */
export function pdfItems(path: string): unknown {
  const json = execFileSync(process.execPath, [join(__dirname, "..", "import", "pdfItems.mjs"), path], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(json);
}
