/** Shared by the e2e tests: build the workbench, serve it on 127.0.0.1, drive Debian Chromium. */
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { launchChromium, type LaunchOptions } from "../../scripts/support/chromium";

export { serve } from "../../scripts/support/chromium";

export const ROOT = resolve(__dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");

/** webpack (ADDIN-BUILD's config) with the workbench entry, development mode: fast and readable. */
export function buildWorkbench(outDir = join(ROOT, "build", "e2e-dist")): string {
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/webpack-cli/bin/cli.js"),
      "--mode",
      "development",
      "--env",
      "workbench",
      "--output-path",
      outDir,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(`webpack failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** Chromium (fresh profile) at the pane's size, animations off. */
export function launch(options: LaunchOptions = {}): ReturnType<typeof launchChromium> {
  return launchChromium({
    viewport: { width: 1200, height: 820 },
    // No animations: clicks land where the element is, screenshots show the settled pane.
    reducedMotion: "reduce",
    ...options,
  });
}
