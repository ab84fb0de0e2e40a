/**
 * The production build end to end: one `webpack --mode production` into a temporary directory with a
 * custom PLANKOLL_URL, then the output is checked as Excel would see it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { initialScripts } from "../../scripts/bench/bundle";
import { serveAndLaunch } from "../../scripts/support/chromium";
import { runWebpack } from "../../scripts/support/webpack";
import { allUrls, parseManifest, residProblems, sharedRuntimeProblems } from "./manifestChecks";

const root = path.resolve(__dirname, "../..");
const PROD = "https://ekonomi.kommun.example/plankoll/";
let out = "";
let stdout = "";

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "plankoll-build-"));
  stdout = runWebpack({
    root,
    mode: "production",
    outDir: out,
    env: { PLANKOLL_URL: PROD },
    timeoutMs: 280_000,
  });
}, 300_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const read = (f: string) => fs.readFileSync(path.join(out, f), "utf8");

describe("npm run build (production)", () => {
  test("says which production URL it used", () => {
    expect(stdout).toContain(`manifest.xml → ${PROD} (PLANKOLL_URL)`);
  });

  test("dist/manifest.xml points only at the production URL and keeps its structure", () => {
    const xml = read("manifest.xml");
    expect(xml).not.toMatch(/localhost/i);
    const manifest = parseManifest(xml);
    for (const url of allUrls(manifest)) expect(url.startsWith(PROD)).toBe(true);
    expect(residProblems(manifest)).toEqual([]);
    expect(sharedRuntimeProblems(manifest)).toEqual([]);
    // Every file the manifest names under the production URL was emitted.
    for (const url of allUrls(manifest)) {
      expect(fs.existsSync(path.join(out, url.slice(PROD.length)))).toBe(true);
    }
  });

  test("taskpane.html loads Office.js from the CDN, then the functions, then the pane", () => {
    const html = read("taskpane.html");
    expect(initialScripts(html)).toEqual({
      local: ["functions.js", "taskpane.js"],
      external: ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
    });
    expect(html).toMatch(/<div id="?root"?>/); // the minifier drops the quotes
  });

  test("the ribbon function and the custom functions are registered by the page's initial scripts", () => {
    const js = read("functions.js") + read("taskpane.js");
    expect(js).toContain('"plankollValidate"');
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    const en = JSON.parse(read("functions.en-US.json")) as { functions: { id: string; name: string }[] };
    expect(metadata.functions.length).toBeGreaterThan(0);
    expect(en.functions.map((f) => f.id).sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const { id } of metadata.functions) expect(js).toContain(`CustomFunctions.associate("${id}"`);
  });

  test("no workbench in the production output", () => {
    expect(fs.existsSync(path.join(out, "workbench.html"))).toBe(false);
    expect(fs.existsSync(path.join(out, "workbench.js"))).toBe(false);
  });

  test("opened without Office.js (outside Excel, CDN blocked) the page says so instead of loading forever", async () => {
    // Served and launched together: a failed launch must not leave the server keeping Jest alive.
    const browser = await serveAndLaunch(out);
    const { context } = browser;
    const server = browser;
    try {
      await context.route(
        (url) => !url.href.startsWith(server.url),
        (route) => route.abort(),
      );
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${server.url}taskpane.html`);
      await page.waitForFunction(
        () => document.body.textContent?.includes("Office.js kunde inte laddas"),
        undefined,
        {
          timeout: 20000,
        },
      );
      expect(await page.textContent("#root")).toContain("Office.js could not be loaded");
    } finally {
      await browser.close();
    }
  }, 60_000);
});
