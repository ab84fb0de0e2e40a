#!/usr/bin/env node
"use strict";
/**
 * `npm stop`: ends what `npm start` started. The dev server started by scripts/start.js is stopped
 * through its pid file (build/plankoll-dev-server.pid); on Windows/macOS, office-addin-debugging stop
 * also unregisters the sideloaded manifest and ends its dev server.
 */
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const root = path.resolve(__dirname, "..");
const PID_FILE = path.join(root, "build", "plankoll-dev-server.pid");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopDevServer() {
  let info;
  try {
    info = JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
  } catch {
    return false;
  }
  const pid = Number(info.pid);
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
    process.kill(pid, "SIGTERM");
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) {
      console.log(
        `Plankoll-servern (process ${pid}) svarar inte – avsluta den själv.\n` +
          `The Plankoll server (process ${pid}) did not stop – end it yourself.`,
      );
      process.exitCode = 1;
      return true;
    }
    console.log(`Plankoll-servern är stoppad (${info.url}).\nThe Plankoll server is stopped (${info.url}).`);
  }
  fs.rmSync(PID_FILE, { force: true });
  return true;
}

(async () => {
  const stopped = await stopDevServer();
  if (process.platform === "win32" || process.platform === "darwin") {
    const bin = require.resolve("office-addin-debugging/cli.js");
    const r = spawnSync(process.execPath, [bin, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" });
    process.exitCode = r.status ?? 1;
  } else if (!stopped) {
    console.log("Ingen Plankoll-server körs.\nNo Plankoll server is running.");
  }
})();
