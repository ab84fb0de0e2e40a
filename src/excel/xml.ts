/** JSON inside a custom XML part: one root element in our namespace, the JSON as escaped text. */

function jsonToXml(namespace: string, root: string, data: unknown): string {
  const text = JSON.stringify(data).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${namespace}">${text}</${root}>`;
}

/** The JSON of a part written by jsonToXml; throws on anything else. */
export function xmlToJson(xml: string): unknown {
  const m = /<([A-Za-z_][\w.-]*)\b[^>]*>([\s\S]*)<\/\1>\s*$/.exec(xml.replace(/^<\?xml[^>]*\?>\s*/, ""));
  if (!m) throw new Error("Not a Plankoll XML part");
  const text = m[2]
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, "&");
  return JSON.parse(text);
}

/** Reads the JSON of the only part in `namespace` (null when there is none): two syncs at most. */
export async function readJsonPart(
  context: Excel.RequestContext,
  namespace: string,
): Promise<unknown | null> {
  const parts = context.workbook.customXmlParts.getByNamespace(namespace);
  parts.load("items/id");
  await context.sync();
  if (parts.items.length === 0) return null;
  const xml = parts.items[parts.items.length - 1].getXml();
  await context.sync();
  return xmlToJson(xml.value);
}

/** Queues replacing every part in `namespace` by one holding `data` (null: just delete). Needs items loaded. */
export function queueReplaceJsonPart(
  context: Excel.RequestContext,
  existing: Excel.CustomXmlPart[],
  namespace: string,
  root: string,
  data: unknown | null,
): void {
  for (const part of existing) part.delete();
  if (data !== null) context.workbook.customXmlParts.add(jsonToXml(namespace, root, data));
}
