/**
 * Debian Chromium driven by Playwright, and the static server it loads our built pages from: shared by the
 * bundle benchmark (scripts/bench/bundle.ts), the e2e tests and the production build test.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import type { BrowserContext, BrowserType } from "playwright-core";

/** Playwright cannot download its own browser here; Debian's is used (CHROMIUM_PATH to point elsewhere). */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** Read at each launch, so a test (or a caller) can point CHROMIUM_PATH elsewhere after loading this module. */
const chromiumPath = () => process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** What to do about it, in every launch failure's message. */
export const CHROMIUM_HINT =
  "install Debian's Chromium with `apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary)";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** A tiny static file server for `dir` on 127.0.0.1 (ephemeral port); `url` ends with a slash. */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    const file = path.resolve(dir, rel || "index.html");
    if (
      !file.startsWith(path.resolve(dir) + path.sep) ||
      !fs.existsSync(file) ||
      fs.statSync(file).isDirectory()
    ) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type LaunchOptions = Parameters<BrowserType["launchPersistentContext"]>[1];

/**
 * Headless Chromium with a fresh profile each run (launchPersistentContext is how Playwright takes
 * --user-data-dir); `close` also removes the profile. Playwright is loaded here, lazily, so callers that may
 * never need a browser do not pay for it.
 */
export async function launchChromium(
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath}: ${CHROMIUM_HINT}`);
  const { chromium } = await import("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "plankoll-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      ...options,
      args: CHROMIUM_ARGS,
    });
  } catch (err) {
    fs.rmSync(profile, { recursive: true, force: true });
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(
      `Chromium at ${executablePath} did not start (${message.split("\n")[0]}): ${CHROMIUM_HINT}`,
    );
  }
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * `dir` served and a browser to load it, or neither: when the launch fails the server is closed before the
 * error is passed on, so a run without Chromium fails its tests and still ends (an open server kept Jest alive).
 */
export async function serveAndLaunch(
  dir: string,
  options: LaunchOptions = {},
): Promise<{
  url: string;
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const server = await serve(dir);
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  try {
    browser = await launchChromium(options);
  } catch (err) {
    await server.close();
    throw err;
  }
  return {
    url: server.url,
    context: browser.context,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await server.close();
      }
    },
  };
}
