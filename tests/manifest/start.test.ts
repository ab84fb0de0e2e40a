import { spawnSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "../..");
const PAGES = ["taskpane.html", "workbench.html", "manifest.xml", "functions.json"];

function smoke(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [path.join(root, "scripts/start.js"), "--smoke"], {
    cwd: root,
    encoding: "utf8",
    timeout: 240_000,
    env: { ...process.env, ...env },
  });
  return { status: r.status, signal: r.signal, out: `${r.stdout}\n${r.stderr}` };
}

describe("npm start --smoke", () => {
  test("plain HTTP on request: the pages and metadata answer, and it exits by itself", () => {
    const r = smoke({ PLANKOLL_DEV_HTTP: "1" });
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 0, signal: null });
    for (const page of PAGES) {
      expect(r.out).toMatch(new RegExp(`smoke: http://localhost:\\d+/${page.replace(".", "\\.")} → 200`));
    }
  }, 300_000);

  test("by default HTTPS with the dev certificates (what Excel needs), even where the CA can't be installed", () => {
    const r = smoke({ PLANKOLL_DEV_HTTP: "" });
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 0, signal: null });
    for (const page of PAGES) {
      expect(r.out).toMatch(new RegExp(`smoke: https://localhost:\\d+/${page.replace(".", "\\.")} → 200`));
    }
  }, 300_000);
});
