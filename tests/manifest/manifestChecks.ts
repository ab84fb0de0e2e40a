/**
 * Structural checks of an add-in-only XML manifest that the Office schema does not make (or makes with
 * error messages that read like wrong names): element order, resid cross-references, the shared-runtime
 * wiring and the locale overrides. Each check returns human-readable problems; [] means fine.
 * Used by manifest.test.ts on the real manifest.xml and on deliberately broken copies of it.
 */
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** OfficeApp children in schema order. */
export const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

/** Which resource list a resid must be defined in, by the referencing element's name. */
const RESOURCE_KIND: Record<string, "Images" | "Urls" | "ShortStrings" | "LongStrings"> = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  Runtime: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

/** Strings that must be the same in every language (formulas use the namespace). */
export const LANGUAGE_NEUTRAL_STRINGS = new Set(["Functions.Namespace"]);

export const MAX_RESID = 32;
export const MAX_SHORT = 125;
export const MAX_LONG = 250;

export function parseManifest(xml: string): XmlElement {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  }).parseFromString(xml, "text/xml");
  if (errors.length > 0) throw new Error(`manifest.xml is not well-formed XML: ${errors.join("; ")}`);
  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp") throw new Error("manifest.xml: root element is not OfficeApp");
  return root;
}

export function children(el: XmlElement, localName?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!localName || (n as XmlElement).localName === localName))
      out.push(n as XmlElement);
  }
  return out;
}

export function child(el: XmlElement, localName: string): XmlElement | undefined {
  return children(el, localName)[0];
}

export function descendants(el: XmlElement, localName?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of children(e)) {
      if (!localName || c.localName === localName) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** xsi:type of an element ("Workbook", "CustomFunctions", "ShowTaskpane", …). */
export function xsiType(el: XmlElement): string | null {
  return el.getAttributeNS(NS.xsi, "type") || null;
}

function path(el: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | null = el; e && e.nodeType === 1; e = e.parentNode as XmlElement | null) {
    const id = e.getAttribute("id");
    parts.unshift(id ? `${e.localName}#${id}` : (e.localName ?? ""));
  }
  return parts.join(" › ");
}

/** Problems where `el`'s children named in `order` appear out of that order, or unknown ones appear. */
export function orderProblems(el: XmlElement, order: readonly string[], allowOthers = false): string[] {
  const problems: string[] = [];
  let last = -1;
  let lastName = "";
  for (const c of children(el)) {
    const i = order.indexOf(c.localName ?? "");
    if (i < 0) {
      if (!allowOthers) problems.push(`${path(el)}: unexpected child <${c.localName}>`);
      continue;
    }
    if (i < last) problems.push(`${path(el)}: <${c.localName}> must come before <${lastName}>`);
    else {
      last = i;
      lastName = c.localName ?? "";
    }
  }
  return problems;
}

export function requiredChildren(el: XmlElement, names: readonly string[]): string[] {
  return names.filter((n) => !child(el, n)).map((n) => `${path(el)}: <${n}> is missing`);
}

/** The VersionOverrides Host element for Excel (xsi:type Workbook). */
export function workbookHost(root: XmlElement): XmlElement | undefined {
  const vo = child(root, "VersionOverrides");
  const hosts = vo && child(vo, "Hosts");
  return hosts ? children(hosts, "Host").find((h) => xsiType(h) === "Workbook") : undefined;
}

export interface Resource {
  id: string;
  kind: "Images" | "Urls" | "ShortStrings" | "LongStrings";
  value: string;
  overrides: Map<string, string>;
}

export function resources(root: XmlElement): { byId: Map<string, Resource>; problems: string[] } {
  const byId = new Map<string, Resource>();
  const problems: string[] = [];
  const vo = child(root, "VersionOverrides");
  const res = vo && child(vo, "Resources");
  if (!res) return { byId, problems: ["VersionOverrides › Resources is missing"] };
  problems.push(...orderProblems(res, ["Images", "Urls", "ShortStrings", "LongStrings"]));
  for (const list of children(res)) {
    const kind = list.localName as Resource["kind"];
    for (const item of children(list)) {
      const id = item.getAttribute("id") ?? "";
      if (byId.has(id)) problems.push(`Resources: id "${id}" is defined twice`);
      const overrides = new Map<string, string>();
      for (const o of children(item, "Override"))
        overrides.set(o.getAttribute("Locale") ?? "", o.getAttribute("Value") ?? "");
      byId.set(id, { id, kind, value: item.getAttribute("DefaultValue") ?? "", overrides });
    }
  }
  return { byId, problems };
}

/** Every resid (except inside Resources) resolves to a resource of the right kind and is ≤ 32 chars. */
export function residProblems(root: XmlElement): string[] {
  const { byId, problems } = resources(root);
  const vo = child(root, "VersionOverrides");
  if (!vo) return ["VersionOverrides is missing"];
  const hosts = child(vo, "Hosts");
  for (const el of hosts ? descendants(hosts) : []) {
    const resid = el.getAttribute("resid");
    if (resid === null || resid === "") {
      if (el.hasAttribute("resid")) problems.push(`${path(el)}: empty resid`);
      continue;
    }
    if (resid.length > MAX_RESID)
      problems.push(`${path(el)}: resid "${resid}" is longer than ${MAX_RESID} characters`);
    const res = byId.get(resid);
    const want = RESOURCE_KIND[el.localName ?? ""];
    if (!res) problems.push(`${path(el)}: resid "${resid}" is not defined in Resources`);
    else if (want && res.kind !== want)
      problems.push(`${path(el)}: resid "${resid}" is in ${res.kind}, expected ${want}`);
  }
  return problems;
}

/** Host › Runtimes → AllFormFactors → DesktopFormFactor; DesktopFormFactor › GetStarted → FunctionFile → ExtensionPoint. */
export function hostOrderProblems(root: XmlElement): string[] {
  const host = workbookHost(root);
  if (!host) return ["VersionOverrides has no Host of xsi:type Workbook"];
  const problems = [
    ...orderProblems(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]),
    ...requiredChildren(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]),
  ];
  const desktop = child(host, "DesktopFormFactor");
  if (desktop) {
    problems.push(...orderProblems(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]));
    problems.push(...requiredChildren(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]));
  }
  return problems;
}

/** In every CustomTab all Group/OfficeGroup elements come before the Label. */
export function customTabProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  for (const tab of descendants(root, "CustomTab")) {
    const kids = children(tab);
    const label = kids.findIndex((k) => k.localName === "Label");
    if (label < 0) problems.push(`${path(tab)}: <Label> is missing`);
    kids.forEach((k, i) => {
      if ((k.localName === "Group" || k.localName === "OfficeGroup") && label >= 0 && i > label)
        problems.push(
          `${path(tab)}: <${k.localName}${k.getAttribute("id") ? `#${k.getAttribute("id")}` : ""}> must come before the tab's <Label>`,
        );
    });
    if (!kids.some((k) => k.localName === "Group" || k.localName === "OfficeGroup"))
      problems.push(`${path(tab)}: needs at least one Group`);
  }
  return problems;
}

function resolveUrl(root: XmlElement, resid: string | null): string | undefined {
  if (!resid) return undefined;
  const r = resources(root).byId.get(resid);
  return r?.kind === "Urls" ? r.value : undefined;
}

/**
 * The shared runtime: Runtime (lifetime long), the custom functions Page, the FunctionFile and every
 * ShowTaskpane SourceLocation use one resid, whose URL is also the DefaultSettings SourceLocation.
 */
export function sharedRuntimeProblems(root: XmlElement): string[] {
  const host = workbookHost(root);
  if (!host) return ["VersionOverrides has no Host of xsi:type Workbook"];
  const problems: string[] = [];
  const runtimes = descendants(host, "Runtime");
  if (runtimes.length !== 1) return [`expected exactly one Runtime, found ${runtimes.length}`];
  const runtime = runtimes[0];
  const resid = runtime.getAttribute("resid");
  if (runtime.getAttribute("lifetime") !== "long")
    problems.push(`Runtime: lifetime must be "long" for a shared runtime`);
  const cf = descendants(host, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
  const pageSource = cf && child(cf, "Page") && child(child(cf, "Page")!, "SourceLocation");
  if (!pageSource) problems.push("CustomFunctions ExtensionPoint › Page › SourceLocation is missing");
  else if (pageSource.getAttribute("resid") !== resid)
    problems.push(
      `custom functions Page uses "${pageSource.getAttribute("resid")}", Runtime uses "${resid}"`,
    );
  const functionFile = descendants(host, "FunctionFile")[0];
  if (!functionFile) problems.push("FunctionFile is missing");
  else if (functionFile.getAttribute("resid") !== resid)
    problems.push(`FunctionFile uses "${functionFile.getAttribute("resid")}", Runtime uses "${resid}"`);
  const panes = descendants(host, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
  if (panes.length === 0) problems.push("no ShowTaskpane action");
  for (const a of panes) {
    const src = child(a, "SourceLocation");
    if (src?.getAttribute("resid") !== resid)
      problems.push(
        `${path(a)}: task pane SourceLocation uses "${src?.getAttribute("resid")}", Runtime uses "${resid}"`,
      );
    if (!child(a, "TaskpaneId")?.textContent?.trim()) problems.push(`${path(a)}: TaskpaneId is missing`);
  }
  const defaultSource =
    child(root, "DefaultSettings") && child(child(root, "DefaultSettings")!, "SourceLocation");
  const runtimeUrl = resolveUrl(root, resid);
  if (defaultSource?.getAttribute("DefaultValue") !== runtimeUrl)
    problems.push(
      `DefaultSettings SourceLocation (${defaultSource?.getAttribute("DefaultValue")}) differs from the runtime page (${runtimeUrl})`,
    );
  return problems;
}

/** Every localisable text has an en-US override; language-neutral ones have none. */
export function localeProblems(root: XmlElement, locale = "en-US"): string[] {
  const problems: string[] = [];
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name);
    if (!el) problems.push(`OfficeApp › ${name} is missing`);
    else if (
      !children(el, "Override").some((o) => o.getAttribute("Locale") === locale && o.getAttribute("Value"))
    )
      problems.push(`OfficeApp › ${name}: no ${locale} Override`);
  }
  const { byId } = resources(root);
  for (const r of byId.values()) {
    if (r.kind !== "ShortStrings" && r.kind !== "LongStrings") continue;
    const max = r.kind === "ShortStrings" ? MAX_SHORT : MAX_LONG;
    for (const [loc, text] of [["default", r.value], ...r.overrides] as const) {
      if (text.length > max)
        problems.push(`${r.kind} "${r.id}" (${loc}) is ${text.length} characters, max ${max}`);
      if (text.trim() === "") problems.push(`${r.kind} "${r.id}" (${loc}) is empty`);
    }
    if (LANGUAGE_NEUTRAL_STRINGS.has(r.id)) {
      if (r.overrides.size > 0) problems.push(`"${r.id}" must be the same in every language (no Override)`);
    } else if (!r.overrides.get(locale)) problems.push(`${r.kind} "${r.id}": no ${locale} Override`);
  }
  return problems;
}

/** ExecuteFunction names in the manifest. */
export function executeFunctionNames(root: XmlElement): string[] {
  return descendants(root, "Action")
    .filter((a) => xsiType(a) === "ExecuteFunction")
    .map((a) => child(a, "FunctionName")?.textContent?.trim() ?? "");
}

/** Ids registered with Office.actions.associate("id", …) in a source text. */
export function associatedIds(source: string): string[] {
  return [...source.matchAll(/\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
}

/** Every URL-valued attribute in the manifest (base settings and resources). */
export function allUrls(root: XmlElement): string[] {
  const urls: string[] = [];
  for (const el of [root, ...descendants(root)]) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
  }
  for (const d of descendants(root, "AppDomain")) urls.push(d.textContent?.trim() ?? "");
  return urls;
}
