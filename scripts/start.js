#!/usr/bin/env node
"use strict";
/**
 * `npm start`
 * - Windows/macOS (an Excel desktop can be started): office-addin-debugging sideloads manifest.xml into
 *   Excel and runs the dev server (`npm stop` ends both).
 * - Elsewhere (Linux, CI, containers): runs the dev server on port 3000 and prints the workbench URL and
 *   how to sideload manifest.xml into Excel on the web. Ctrl+C or `npm stop` ends it.
 * - `--smoke` (or PLANKOLL_START_SMOKE=1): start the dev server on a free port, check that the pages
 *   answer, stop, exit 0 (1 on failure). Never waits for a person; used by tests/CI.
 * - `--web`: the dev-server mode even on Windows/macOS.
 */
const fs = require("node:fs");
const path = require("node:path");
const http = require("node:http");
const https = require("node:https");
const { spawn } = require("node:child_process");
const { devTls } = require("./devTls");

const root = path.resolve(__dirname, "..");
const PID_FILE = path.join(root, "build", "plankoll-dev-server.pid");
const args = process.argv.slice(2);
const smoke = args.includes("--smoke") || process.env.PLANKOLL_START_SMOKE === "1";
const desktop = (process.platform === "win32" || process.platform === "darwin") && !args.includes("--web");

function say(sv, en) {
  console.log(`${sv}\n${en}`);
}

function startDesktop() {
  const bin = require.resolve("office-addin-debugging/cli.js");
  const child = spawn(
    process.execPath,
    [
      bin,
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npx webpack serve --mode development",
      "--dev-server-port",
      String(process.env.npm_package_config_dev_server_port || 3000),
    ],
    { cwd: root, stdio: "inherit" },
  );
  child.on("exit", (code) => process.exit(code ?? 1));
}

/** GET url; resolves with status and body. `ca` trusts the dev CA for https. */
function get(url, ca) {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith("https:") ? https : http;
    const req = lib.get(url, { ca, timeout: 15000 }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
  });
}

function alreadyRunning() {
  try {
    const { pid, url } = JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
    process.kill(pid, 0); // throws if no such process
    return { pid, url };
  } catch {
    return null;
  }
}

async function startDevServer() {
  const running = alreadyRunning();
  if (running && !smoke) {
    say(
      `Plankoll körs redan (process ${running.pid}): ${running.url}  – stoppa med npm stop.`,
      `Plankoll is already running (process ${running.pid}): ${running.url}  – stop it with npm stop.`,
    );
    process.exit(1);
  }

  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" });
  const devServerOptions = { ...config.devServer, open: false };
  // Smoke runs must not collide with a developer's server on 3000.
  if (smoke) devServerOptions.port = "auto";
  // Only problems in the console: the banner below is what a newcomer needs to read.
  const compiler = webpack({ ...config, devServer: undefined, stats: "errors-warnings" });

  const firstBuild = new Promise((resolve) =>
    compiler.hooks.done.tap("plankoll-start", (stats) => resolve(stats)),
  );
  const server = new WebpackDevServer(devServerOptions, compiler);
  try {
    await server.start();
  } catch (err) {
    const busy = err && err.code === "EADDRINUSE";
    say(
      busy
        ? `Port ${devServerOptions.port} används redan av ett annat program.`
        : `Utvecklingsservern kunde inte starta: ${err.message}`,
      busy
        ? `Port ${devServerOptions.port} is already in use.`
        : `The dev server could not start: ${err.message}`,
    );
    process.exit(1);
  }

  const secure = devServerOptions.server.type === "https";
  const base = `${secure ? "https" : "http"}://localhost:${server.options.port}/`;
  const stats = await firstBuild;
  const stop = async (code) => {
    await server.stop().catch(() => undefined);
    if (!smoke) fs.rmSync(PID_FILE, { force: true });
    process.exit(code);
  };

  if (stats.hasErrors()) {
    const first = stats.toJson({ all: false, errors: true }).errors[0];
    say(
      `Bygget misslyckades: ${first ? first.message.split("\n")[0] : "okänt fel"}`,
      `The build failed: ${first ? first.message.split("\n")[0] : "unknown error"}`,
    );
    if (smoke) await stop(1);
  }

  if (smoke) {
    const ca = secure ? devServerOptions.server.options.ca : undefined;
    try {
      for (const page of ["taskpane.html", "workbench.html", "manifest.xml", "functions.json"]) {
        const { status, body } = await get(base + page, ca);
        const ok = status === 200 && (page.endsWith(".html") ? body.includes('id="root"') : body.length > 0);
        if (!ok) throw new Error(`${page}: HTTP ${status}`);
        console.log(`smoke: ${base}${page} → ${status}`);
      }
    } catch (err) {
      console.error(`smoke: ${err.message}`);
      await stop(1);
    }
    await stop(0);
    return;
  }

  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, JSON.stringify({ pid: process.pid, url: base }));
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));

  const manifest = path.join(root, "manifest.xml");
  const tls = await devTls();
  const certSv =
    tls.type === "http"
      ? `OBS: servern kör HTTP (${tls.reason}) – Excel kräver HTTPS: kör npx office-addin-dev-certs install och starta om.`
      : tls.trusted
        ? ""
        : `OBS: systemet litar inte på utvecklarcertifikatet (${tls.reason}). Lita på ${tls.caPath}\n` +
          `    i webbläsaren, eller kör sudo npx office-addin-dev-certs install. Bara arbetsbänken utan\n` +
          `    certifikatvarning: PLANKOLL_DEV_HTTP=1 npm start.`;
  const certEn =
    tls.type === "http"
      ? `Note: serving HTTP (${tls.reason}) – Excel needs HTTPS: run npx office-addin-dev-certs install and restart.`
      : tls.trusted
        ? ""
        : `Note: the system does not trust the dev certificate (${tls.reason}). Trust ${tls.caPath}\n` +
          `    in your browser, or run sudo npx office-addin-dev-certs install. Only the workbench, without a\n` +
          `    certificate warning: PLANKOLL_DEV_HTTP=1 npm start.`;
  console.log(`
Plankoll körs på ${base}
  Arbetsbänk (åtgärdsfönstret mot en inbyggd test-Excel, ingen Office behövs):
    ${base}workbench.html
  Excel på webben: öppna en arbetsbok › Start › Tillägg › Fler inställningar › Ladda upp mitt tillägg
    (äldre menyer: Infoga › Tillägg › Ladda upp mitt tillägg) och välj
    ${manifest}
  ${certSv ? certSv + "\n  " : ""}Stoppa: Ctrl+C eller npm stop.

Plankoll is running at ${base}
  Workbench (the task pane on a built-in test Excel, no Office needed):
    ${base}workbench.html
  Excel on the web: open a workbook › Home › Add-ins › More Settings › Upload My Add-in
    (older menus: Insert › Add-ins › Upload My Add-in) and choose
    ${manifest}
  ${certEn ? certEn + "\n  " : ""}Stop: Ctrl+C or npm stop.
`);
}

if (desktop && !smoke) startDesktop();
else
  startDevServer().catch((err) => {
    console.error(`Plankoll: ${err && err.message ? err.message : err}`);
    process.exit(1);
  });
