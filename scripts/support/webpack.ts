/** Runs the project's webpack build in a child process, for the bundle benchmark, the e2e tests and the build test. */
import { spawnSync } from "node:child_process";

export interface WebpackRun {
  /** The repository root (where webpack.config.js is). */
  root: string;
  mode: "production" | "development";
  outDir: string;
  /** Also build the workbench page (the pane on the fake Excel). */
  workbench?: boolean;
  /** Extra environment, e.g. PLANKOLL_URL. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Builds into `outDir` and returns webpack's output; throws with the output's last lines when the build fails. */
export function runWebpack({ root, mode, outDir, workbench = false, env, timeoutMs }: WebpackRun): string {
  const r = spawnSync(
    process.execPath,
    [
      require.resolve("webpack/bin/webpack.js", { paths: [root] }),
      "--mode",
      mode,
      ...(workbench ? ["--env", "workbench"] : []),
      "--output-path",
      outDir,
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, timeout: timeoutMs },
  );
  const output = `${r.stdout ?? ""}\n${r.stderr ?? ""}`.trim();
  if (r.status !== 0) {
    const tail = output.split("\n").slice(-20).join("\n");
    throw new Error(`webpack --mode ${mode} failed${r.error ? ` (${r.error.message})` : ""}:\n${tail}`);
  }
  return output;
}
