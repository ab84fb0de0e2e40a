/**
 * Benchmark: the production task pane's initial JS size and its time to interactive.
 *
 * - Size: the scripts taskpane.html loads up front (functions.js + taskpane.js; not Office.js from the
 *   CDN, not the lazy chunks the pane imports on demand), gzip level 9. Goal ≤ 200 KB (1 KB = 1024 B).
 * - Time to interactive: the production workbench page (the real pane on the fake Excel) served from a
 *   local static server on 127.0.0.1, in headless Debian Chromium with a fresh profile, from navigation
 *   start until the pane sets data-plankoll-ready="true". Goal ≤ 1 s. First (cold) load plus reloads
 *   with the HTTP cache disabled; the median is the figure compared with the goal.
 *
 * Builds `webpack --mode production --env workbench` into build/bench-dist each run so the figures
 * describe the current source; PLANKOLL_BENCH_DIST=<dir> measures an existing build instead.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { CHROMIUM, launchChromium, serve } from "../support/chromium";
import { median } from "../support/timing";
import { runWebpack } from "../support/webpack";

const SIZE_GOAL_KB = 200;
const TTI_GOAL_MS = 1000;
const LOADS = 5;
const READY_SELECTOR = '[data-plankoll-ready="true"]';

function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "plankoll") return dir;
    if (path.dirname(dir) === dir) throw new Error("package.json of plankoll not found above " + __dirname);
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const verdict = (ratio: number) => (ratio <= 1 ? "✓" : "✗ over the goal");

/** Local scripts a page loads at startup, in order; external ones (the Office.js CDN) separately. */
export function initialScripts(html: string): { local: string[]; external: string[] } {
  const local: string[] = [];
  const external: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) {
    const src = m[1];
    if (/^(https?:)?\/\//i.test(src)) external.push(src);
    else local.push(src.split(/[?#]/)[0]);
  }
  return { local, external };
}

function sizeLines(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const { local, external } = initialScripts(html);
  if (local.length === 0) throw new Error("taskpane.html loads no local scripts");
  const parts = local.map((src) => ({ src, gz: gzipSize(path.join(dist, src)) }));
  const total = parts.reduce((s, p) => s + p.gz, 0);
  const ratio = total / 1024 / SIZE_GOAL_KB;
  const chunkDir = path.join(dist, "chunks");
  const lazy = fs.existsSync(chunkDir) ? fs.readdirSync(chunkDir).filter((f) => /\.m?js$/.test(f)) : [];
  const lazyGz = lazy.reduce((s, f) => s + gzipSize(path.join(chunkDir, f)), 0);
  return [
    `task pane initial JS: ${kb(total)} KB gzip (${parts.map((p) => `${p.src} ${kb(p.gz)}`).join(" + ")})` +
      ` – goal ≤ ${SIZE_GOAL_KB} KB: ratio ${ratio.toFixed(2)} ${verdict(ratio)}`,
    `  not counted: ${external.length ? external.join(", ") + " (CDN)" : "no external scripts"}; ` +
      `lazy chunks and workers: ${lazy.length} file(s), ${kb(lazyGz)} KB gzip, loaded on demand`,
  ];
}

/** Time to interactive; throws when it cannot be measured (no workbench, no Chromium, no ready marker). */
async function ttiLines(dist: string): Promise<string[]> {
  if (!fs.existsSync(path.join(dist, "workbench.html"))) {
    throw new Error(`time to interactive not measured: ${dist} has no workbench.html`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`time to interactive not measured: ${CHROMIUM} missing (apt-get install -y chromium)`);
  }
  const server = await serve(dist);
  const browser = await launchChromium();
  const { context } = browser;
  let blocked = 0;
  try {
    // The workbench must work offline: anything not from our server is blocked and counted.
    await context.route(
      (url) => !url.href.startsWith(server.url),
      (route) => {
        blocked++;
        return route.abort();
      },
    );
    // Record when the pane marks itself ready, in navigation-relative time, without polling delay.
    await context.addInitScript((selector: string) => {
      const w = window as unknown as { __plankollReadyAt?: number };
      const check = () => {
        if (w.__plankollReadyAt === undefined && document.querySelector(selector)) {
          w.__plankollReadyAt = performance.now();
        }
      };
      new MutationObserver(check).observe(document, { attributes: true, childList: true, subtree: true });
    }, READY_SELECTOR);

    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      if (i === 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      }
      await page.goto(`${server.url}workbench.html`, { waitUntil: "commit" });
      try {
        await page.waitForFunction(
          () => (window as unknown as { __plankollReadyAt?: number }).__plankollReadyAt !== undefined,
          undefined,
          { timeout: 15000 },
        );
      } catch {
        const why = errors.length ? `page error: ${errors[0]}` : "no error on the page";
        throw new Error(`time to interactive: ${READY_SELECTOR} did not appear within 15 s (${why})`);
      }
      times.push(
        await page.evaluate(() => (window as unknown as { __plankollReadyAt: number }).__plankollReadyAt),
      );
    }
    const mid = median(times);
    const ratio = mid / TTI_GOAL_MS;
    return [
      `time to interactive (workbench, headless Chromium): median of ${LOADS} loads ${mid.toFixed(0)} ms` +
        ` – goal ≤ ${TTI_GOAL_MS} ms: ratio ${ratio.toFixed(2)} ${verdict(ratio)}`,
      `  first (cold) load ${times[0].toFixed(0)} ms (ratio ${(times[0] / TTI_GOAL_MS).toFixed(2)}); all: ${times.map((t) => t.toFixed(0)).join(", ")} ms;` +
        ` external requests blocked: ${blocked}; machine: ${os.cpus().length} shared cores, figures are noisy`,
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(): Promise<{ name: string; lines: string[] }> {
  const root = repoRoot();
  const given = process.env.PLANKOLL_BENCH_DIST;
  const dist = given ? path.resolve(root, given) : path.join(root, "build", "bench-dist");
  if (!given) runWebpack({ root, mode: "production", outDir: dist, workbench: true });
  const size = sizeLines(dist);
  let tti: string[];
  try {
    tti = await ttiLines(dist);
  } catch (err) {
    // A figure that could not be measured fails the run; the size figure still shows in the message.
    throw new Error(`${(err as Error).message}\n  ${size.join("\n  ")}`);
  }
  // Over a goal is reported (ratio > 1, ✗), not thrown: the figures are what matter.
  return {
    name: "task pane bundle size and time to interactive",
    lines: [`measured: ${path.relative(root, dist) || "."}`, ...size, ...tti],
  };
}
