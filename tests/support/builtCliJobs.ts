/**
 * The built CLI (bin/plankoll.js → lib/) with its environment (PLANKOLL_JOBS), for what Jest cannot run
 * in-process: worker threads load the compiled lib/cli/checkWorker.js. lib/ is built by `npm ci`/`npm install`
 * via prepare; rebuilt here when older than src.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureCliBuilt(): void {
  const target = join(ROOT, "lib", "cli", "main.js");
  const src = Math.max(...["plan", "checks", "cli", "functions"].map((d) => newest(join(ROOT, "src", d))));
  if (existsSync(target) && statSync(target).mtimeMs >= src) return;
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "ignore",
    });
  } catch {
    // Type errors elsewhere still emit JavaScript; the tests say whether the CLI is usable.
  }
}

/** `node bin/plankoll.js ARGS…` with extra environment variables. */
export function runBuiltCli(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "plankoll.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
