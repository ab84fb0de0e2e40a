/** Shared by the e2e tests: build the workbench, serve it on 127.0.0.1, drive Debian Chromium. */
import { join, resolve } from "node:path";
import { launchChromium, type LaunchOptions } from "../../scripts/support/chromium";
import { runWebpack } from "../../scripts/support/webpack";

export { serve } from "../../scripts/support/chromium";

export const ROOT = resolve(__dirname, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");

/** webpack (ADDIN-BUILD's config) with the workbench entry, development mode: fast and readable. */
export function buildWorkbench(outDir = join(ROOT, "build", "e2e-dist")): string {
  runWebpack({ root: ROOT, mode: "development", outDir, workbench: true });
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
