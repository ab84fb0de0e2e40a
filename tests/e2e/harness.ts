/** Shared by the e2e tests: build the workbench, serve it on 127.0.0.1, drive Debian Chromium. */
import { join, resolve } from "node:path";
import { serveAndLaunch, type LaunchOptions } from "../../scripts/support/chromium";
import { runWebpack } from "../../scripts/support/webpack";

export const ROOT = resolve(__dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");

/** webpack (ADDIN-BUILD's config) with the workbench entry, development mode: fast and readable. */
export function buildWorkbench(outDir = join(ROOT, "build", "e2e-dist")): string {
  runWebpack({ root: ROOT, mode: "development", outDir, workbench: true });
  return outDir;
}

/**
 * The built workbench served and Chromium (fresh profile, animations off) to load it. A failed launch closes
 * the server first, so without Chromium the tests fail saying how to install it, and Jest still ends.
 */
export function serveWorkbench(dir: string, options: LaunchOptions = {}): ReturnType<typeof serveAndLaunch> {
  return serveAndLaunch(dir, {
    viewport: { width: 1200, height: 820 },
    // No animations: clicks land where the element is, screenshots show the settled pane.
    reducedMotion: "reduce",
    ...options,
  });
}
