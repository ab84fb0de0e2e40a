import { spawnSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "../..");

describe("npm start --smoke", () => {
  test("starts the dev server, the pages and metadata answer, and it exits by itself", () => {
    const r = spawnSync(process.execPath, [path.join(root, "scripts/start.js"), "--smoke"], {
      cwd: root,
      encoding: "utf8",
      timeout: 240_000,
      // No certificate installation attempts in tests: plain HTTP is what the smoke check needs.
      env: { ...process.env, PLANKOLL_DEV_HTTP: "1" },
    });
    const out = `${r.stdout}\n${r.stderr}`;
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 0, signal: null });
    for (const page of ["taskpane.html", "workbench.html", "manifest.xml", "functions.json"]) {
      expect(out).toMatch(new RegExp(`smoke: http://localhost:\\d+/${page.replace(".", "\\.")} → 200`));
    }
  }, 300_000);
});
