import * as fs from "node:fs";
import * as path from "node:path";
import {
  NS,
  OFFICE_APP_ORDER,
  allUrls,
  associatedIds,
  child,
  children,
  customTabProblems,
  descendants,
  executeFunctionNames,
  hostOrderProblems,
  localeProblems,
  orderProblems,
  parseManifest,
  requiredChildren,
  residProblems,
  resources,
  sharedRuntimeProblems,
  workbookHost,
  xsiType,
} from "./manifestChecks";
import {
  DEFAULT_PRODUCTION_URL,
  DEV_URL,
  resolveProductionUrl,
  rewriteManifestUrls,
} from "../../scripts/manifestUrls";
import { BASELINE, OPTIONAL } from "../../src/excel/requirements";

const root = path.resolve(__dirname, "../..");
const manifestXml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const manifest = parseManifest(manifestXml);

/** The manifest with one textual edit, which must exist (so a broken fixture can't pass silently). */
function broken(from: string | RegExp, to: string) {
  const xml = manifestXml.replace(from, to);
  if (xml === manifestXml) throw new Error(`fixture edit did not apply: ${from}`);
  return parseManifest(xml);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe("manifest.xml structure", () => {
  test("OfficeApp children are in schema order and the required ones are present", () => {
    expect(orderProblems(manifest, OFFICE_APP_ORDER)).toEqual([]);
    expect(
      requiredChildren(manifest, [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "VersionOverrides",
      ]),
    ).toEqual([]);
    expect(manifest.namespaceURI).toBe(NS.app);
    expect(xsiType(manifest)).toBe("TaskPaneApp");
  });

  test("an out-of-order or missing OfficeApp child is reported", () => {
    const permissions = "  <Permissions>ReadWriteDocument</Permissions>\n";
    const withoutPermissions = manifestXml.replace(permissions, "");
    expect(requiredChildren(parseManifest(withoutPermissions), ["Permissions"])).toEqual([
      "OfficeApp: <Permissions> is missing",
    ]);
    const permissionsFirst = withoutPermissions.replace("  <Hosts>\n", `${permissions}  <Hosts>\n`);
    expect(permissionsFirst).not.toBe(withoutPermissions);
    expect(orderProblems(parseManifest(permissionsFirst), OFFICE_APP_ORDER)).toEqual([
      "OfficeApp: <Hosts> must come before <Permissions>",
      "OfficeApp: <Requirements> must come before <Permissions>",
      "OfficeApp: <DefaultSettings> must come before <Permissions>",
    ]);
  });

  test("Excel host, ReadWriteDocument only, requirement sets for the shared runtime and functions", () => {
    const hosts = children(child(manifest, "Hosts")!, "Host").map((h) => h.getAttribute("Name"));
    expect(hosts).toEqual(["Workbook"]);
    expect(children(manifest, "Permissions").map((p) => p.textContent?.trim())).toEqual([
      "ReadWriteDocument",
    ]);
    expect(child(manifest, "DefaultLocale")?.textContent).toBe("sv-SE");
    const sets = new Map(
      descendants(child(manifest, "Requirements")!, "Set").map((s) => [
        s.getAttribute("Name"),
        s.getAttribute("MinVersion"),
      ]),
    );
    expect(sets.get("SharedRuntime")).toBe("1.1");
    expect(sets.get("CustomFunctionsRuntime")).toBe("1.1");
    // The lowest ExcelApi the adapter needs (src/excel declares it; newer APIs are guarded there).
    expect(sets.get(BASELINE.set)).toBe(BASELINE.version);
    for (const optional of Object.values(OPTIONAL)) {
      expect(Number(optional.version.split(".")[1])).toBeGreaterThan(Number(BASELINE.version.split(".")[1]));
    }
  });

  test("manifest Version follows package.json", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(child(manifest, "Version")?.textContent).toBe(`${pkg.version}.0`);
  });

  test("VersionOverrides declares its own namespace and V1_0 type", () => {
    const vo = child(manifest, "VersionOverrides")!;
    expect(vo.namespaceURI).toBe(NS.overrides);
    expect(vo.getAttribute("xmlns")).toBe(NS.overrides);
    expect(xsiType(vo)).toBe("VersionOverridesV1_0");
    const wrongNs = broken(
      '<VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides"',
      "<VersionOverrides",
    );
    expect(child(wrongNs, "VersionOverrides")!.namespaceURI).not.toBe(NS.overrides);
  });

  test("Host: Runtimes → AllFormFactors → DesktopFormFactor; DesktopFormFactor: GetStarted → FunctionFile → ExtensionPoint", () => {
    expect(hostOrderProblems(manifest)).toEqual([]);
    const runtimesLast = broken(/(\s*<Runtimes>[\s\S]*?<\/Runtimes>)([\s\S]*?<\/DesktopFormFactor>)/, "$2$1");
    expect(hostOrderProblems(runtimesLast)).toEqual([
      "OfficeApp › VersionOverrides › Hosts › Host: <Runtimes> must come before <DesktopFormFactor>",
    ]);
    const functionFileFirst = broken(
      /(\s*<GetStarted>[\s\S]*?<\/GetStarted>)(\s*<FunctionFile resid="Taskpane.Url" \/>)/,
      "$2$1",
    );
    expect(hostOrderProblems(functionFileFirst)).toEqual([
      "OfficeApp › VersionOverrides › Hosts › Host › DesktopFormFactor: <GetStarted> must come before <FunctionFile>",
    ]);
  });

  test("nested elements follow the schema's sequences", () => {
    // Parent (optionally with xsi:type) → its children's order in the VersionOverrides schema.
    const sequences: [string, string | null, string[]][] = [
      ["ExtensionPoint", "CustomFunctions", ["Script", "Page", "Metadata", "Namespace"]],
      ["GetStarted", null, ["Title", "Description", "LearnMoreUrl"]],
      ["Group", null, ["Label", "Icon", "Control"]],
      ["Control", "Button", ["Label", "Supertip", "Icon", "Action"]],
      ["Supertip", null, ["Title", "Description"]],
      ["Action", "ShowTaskpane", ["TaskpaneId", "SourceLocation", "Title"]],
      ["Resources", null, ["Images", "Urls", "ShortStrings", "LongStrings"]],
    ];
    let checked = 0;
    for (const [name, type, order] of sequences) {
      for (const el of descendants(manifest, name).filter((e) => type === null || xsiType(e) === type)) {
        expect(orderProblems(el, order)).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(9);
    const iconFirst = broken(
      /(<Label resid="Validate.Label" \/>)(\s*<Supertip>[\s\S]*?<\/Supertip>)(\s*<Icon>[\s\S]*?<\/Icon>)/,
      "$3$1$2",
    );
    const control = descendants(iconFirst, "Control").find(
      (c) => c.getAttribute("id") === "Plankoll.Validate",
    )!;
    expect(orderProblems(control, ["Label", "Supertip", "Icon", "Action"])).toEqual([
      expect.stringContaining("<Label> must come before <Icon>"),
      expect.stringContaining("<Supertip> must come before <Icon>"),
    ]);
  });

  test("in the custom tab every Group comes before the tab's Label", () => {
    expect(descendants(manifest, "CustomTab")).toHaveLength(1);
    expect(customTabProblems(manifest)).toEqual([]);
    const labelFirst = broken(
      /(<CustomTab id="Plankoll.Tab">)([\s\S]*?<\/Group>)(\s*<Label resid="Plankoll.Tab.Label" \/>)/,
      "$1$3$2",
    );
    expect(customTabProblems(labelFirst)).toEqual([
      "OfficeApp › VersionOverrides › Hosts › Host › DesktopFormFactor › ExtensionPoint › CustomTab#Plankoll.Tab: <Group#Plankoll.Group> must come before the tab's <Label>",
    ]);
  });

  test("every resid resolves to a resource of the right kind and is at most 32 characters", () => {
    expect(resources(manifest).problems).toEqual([]);
    expect(residProblems(manifest)).toEqual([]);
    const dangling = broken('<Label resid="Validate.Label" />', '<Label resid="Validate.Labell" />');
    expect(residProblems(dangling)).toEqual([
      expect.stringContaining('resid "Validate.Labell" is not defined in Resources'),
    ]);
    const wrongKind = broken(
      '<Description resid="Validate.Tooltip" />',
      '<Description resid="Validate.Label" />',
    );
    expect(residProblems(wrongKind)).toEqual([
      expect.stringContaining('resid "Validate.Label" is in ShortStrings, expected LongStrings'),
    ]);
    const long = "Plankoll.Validate.Button.Label.Text";
    const tooLong = parseManifest(manifestXml.split('"Validate.Label"').join(`"${long}"`));
    expect(residProblems(tooLong)).toContainEqual(expect.stringContaining(`is longer than 32 characters`));
  });

  test("runtime, task pane, FunctionFile and the functions Page share one resid; lifetime long", () => {
    expect(sharedRuntimeProblems(manifest)).toEqual([]);
    const runtime = descendants(workbookHost(manifest)!, "Runtime")[0];
    expect(runtime.getAttribute("resid")).toBe("Taskpane.Url");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const shortLived = broken('lifetime="long"', 'lifetime="short"');
    expect(sharedRuntimeProblems(shortLived)).toEqual([
      `Runtime: lifetime must be "long" for a shared runtime`,
    ]);
    const ownCommandsPage = broken(
      '<FunctionFile resid="Taskpane.Url" />',
      '<FunctionFile resid="Commands.Url" />',
    );
    expect(sharedRuntimeProblems(ownCommandsPage)).toEqual([
      'FunctionFile uses "Commands.Url", Runtime uses "Taskpane.Url"',
    ]);
  });

  test("custom functions: namespace PLAN, script, and sv metadata with an en-US override", () => {
    const cf = descendants(workbookHost(manifest)!, "ExtensionPoint").find(
      (e) => xsiType(e) === "CustomFunctions",
    )!;
    expect(cf.parentNode && (cf.parentNode as typeof cf).localName).toBe("AllFormFactors");
    const { byId } = resources(manifest);
    expect(byId.get(child(cf, "Namespace")!.getAttribute("resid")!)?.value).toBe("PLAN");
    const script = byId.get(child(child(cf, "Script")!, "SourceLocation")!.getAttribute("resid")!)!;
    expect(script.value).toBe(`${DEV_URL}functions.js`);
    const metadata = byId.get(child(child(cf, "Metadata")!, "SourceLocation")!.getAttribute("resid")!)!;
    expect(metadata.value).toBe(`${DEV_URL}functions.json`);
    expect(metadata.overrides.get("en-US")).toBe(`${DEV_URL}functions.en-US.json`);
  });

  test("ribbon: the Kontrollera button's function is registered in src, Visa Plankoll shows the pane", () => {
    const names = executeFunctionNames(manifest);
    expect(names).toEqual(["plankollValidate"]);
    const registered = sourceFiles(path.join(root, "src")).flatMap((f) =>
      associatedIds(fs.readFileSync(f, "utf8")),
    );
    for (const name of names) expect(registered).toContain(name);
    // …and the task pane entry (the page the FunctionFile names) registers them when it loads.
    const paneEntry = fs.readFileSync(path.join(root, "src/taskpane/index.tsx"), "utf8");
    expect(paneEntry).toMatch(
      /import\s*\{[^}]*\bregisterCommands\b[^}]*\}\s*from\s*["']\.\.\/commands\/commands["']/,
    );
    expect(paneEntry).toMatch(/\bregisterCommands\(/);
    expect(associatedIds('Office.actions.associate("other", f)')).toEqual(["other"]);

    const { byId } = resources(manifest);
    const buttons = descendants(manifest, "Control").map((c) => ({
      label: byId.get(child(c, "Label")!.getAttribute("resid")!)?.value,
      action: xsiType(child(c, "Action")!),
    }));
    expect(buttons).toEqual([
      { label: "Visa Plankoll", action: "ShowTaskpane" },
      { label: "Kontrollera", action: "ExecuteFunction" },
    ]);
    const tab = descendants(manifest, "CustomTab")[0];
    expect(byId.get(child(tab, "Label")!.getAttribute("resid")!)?.value).toBe("Plankoll");
    const ids = descendants(manifest)
      .map((e) => e.getAttribute("id"))
      .filter((id) => id && !byId.has(id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every sv text has an en-US override; the namespace has none; length limits hold", () => {
    expect(localeProblems(manifest)).toEqual([]);
    const missing = broken(/\s*<bt:Override Locale="en-US" Value="Check" \/>/, "");
    expect(localeProblems(missing)).toEqual(['ShortStrings "Validate.Label": no en-US Override']);
    const localizedNamespace = broken(
      '<bt:String id="Functions.Namespace" DefaultValue="PLAN" />',
      '<bt:String id="Functions.Namespace" DefaultValue="PLAN"><bt:Override Locale="en-US" Value="PLAN" /></bt:String>',
    );
    expect(localeProblems(localizedNamespace)).toEqual([
      '"Functions.Namespace" must be the same in every language (no Override)',
    ]);
    const tooLong = broken('DefaultValue="Kontrollera"', `DefaultValue="${"K".repeat(126)}"`);
    expect(localeProblems(tooLong)).toEqual([
      'ShortStrings "Validate.Label" (default) is 126 characters, max 125',
    ]);
  });

  test("all URLs point at the dev server and the images exist in assets/", () => {
    const urls = allUrls(manifest);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith(DEV_URL)).toBe(true);
    for (const url of urls.filter((u) => u.includes("/assets/"))) {
      expect(fs.existsSync(path.join(root, url.slice(DEV_URL.length)))).toBe(true);
    }
  });
});

describe("production manifest", () => {
  test("the rewrite replaces every localhost URL with the production URL", () => {
    const prod = "https://plankoll.eskilstuna.se/addin/";
    const out = rewriteManifestUrls(manifestXml, prod);
    expect(out).not.toMatch(/localhost/i);
    const rewritten = parseManifest(out);
    const urls = allUrls(rewritten);
    expect(urls).toHaveLength(allUrls(manifest).length);
    for (const url of urls) expect(url.startsWith(prod)).toBe(true);
    // Structure is untouched by the rewrite.
    expect(residProblems(rewritten)).toEqual([]);
    expect(sharedRuntimeProblems(rewritten)).toEqual([]);
  });

  test("a localhost URL the rewrite cannot map fails the build instead of shipping", () => {
    const odd = manifestXml.replace(`${DEV_URL}assets/support.html"`, 'http://localhost:8080/help.html"');
    expect(odd).not.toBe(manifestXml);
    expect(() => rewriteManifestUrls(odd, "https://plankoll.example.se/")).toThrow(/localhost/);
  });

  test("PLANKOLL_URL: https only, normalised with a trailing slash, a default when unset", () => {
    expect(resolveProductionUrl({})).toEqual({ url: DEFAULT_PRODUCTION_URL, fromEnv: false });
    expect(resolveProductionUrl({ PLANKOLL_URL: " https://ekonomi.kommun.se/plankoll " })).toEqual({
      url: "https://ekonomi.kommun.se/plankoll/",
      fromEnv: true,
    });
    expect(() => resolveProductionUrl({ PLANKOLL_URL: "http://ekonomi.kommun.se/" })).toThrow(/https/);
    expect(() => resolveProductionUrl({ PLANKOLL_URL: "inte en adress" })).toThrow(/URL/);
    expect(() => resolveProductionUrl({ PLANKOLL_URL: "https://x.se/?a=1" })).toThrow(/query/);
  });
});

describe("manifest ↔ build", () => {
  test("the files the manifest names are the ones webpack emits", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(root, "webpack.config.js")) as (
      env: Record<string, unknown>,
      argv: Record<string, unknown>,
    ) => Promise<{
      entry: Record<string, unknown>;
      output: { filename: string };
      plugins: { constructor: { name: string }; options?: unknown; patterns?: unknown }[];
    }>;
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const config = await makeConfig({}, { mode: "production" });
    log.mockRestore();
    expect(Object.keys(config.entry).sort()).toEqual(["functions", "taskpane"]);
    expect(config.output.filename).toBe("[name].js");
    const { byId } = resources(manifest);
    const emitted = new Set<string>(["functions.js", "taskpane.html"]);
    for (const p of config.plugins) {
      const o = (p as { options?: { output?: string; filename?: string } }).options;
      if (p.constructor.name === "CustomFunctionsMetadataPlugin" && o?.output) emitted.add(o.output);
      if (p.constructor.name === "HtmlWebpackPlugin" && o?.filename) emitted.add(o.filename);
      const patterns = (p as { patterns?: { to?: unknown }[] }).patterns;
      for (const pat of patterns ?? [])
        if (typeof pat.to === "string" && !pat.to.includes("[")) emitted.add(pat.to);
    }
    const named = [...byId.values()]
      .filter((r) => r.kind === "Urls")
      .flatMap((r) => [r.value, ...r.overrides.values()])
      .map((u) => u.slice(DEV_URL.length))
      .filter((f) => !f.startsWith("assets/"));
    for (const file of named) expect(emitted).toContain(file);
    expect(emitted).not.toContain("workbench.html");
  });
});
