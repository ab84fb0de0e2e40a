/**
 * Without Chromium the e2e tests must fail saying how to install it, and the run must end: the web server
 * started for the browser is closed when the launch fails (it used to keep Jest alive forever).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveWorkbench } from "./harness";

/** Listening sockets, counted once closed handles are gone (they leave the list on the next turn). */
async function servers(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  return process.getActiveResourcesInfo().filter((r) => r === "TCPServerWrap").length;
}

test("a missing Chromium: the error says `apt-get install -y chromium` and no server is left listening", async () => {
  const dir = mkdtempSync(join(tmpdir(), "plankoll-harness-"));
  writeFileSync(join(dir, "index.html"), "<p>hej</p>");
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = join(dir, "no-chromium-here");
  const before = await servers();
  try {
    await expect(serveWorkbench(dir)).rejects.toThrow(/apt-get install -y chromium/);
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
  expect(await servers()).toBe(before);
});
