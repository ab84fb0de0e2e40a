/**
 * "Markera" and "Rensa markeringar": flagged cells get a fill and font colour by severity; every
 * touched cell's previous fill (colour, pattern, pattern colour) and font colour is recorded first, in
 * the workbook itself (custom XML part), so clearing restores them exactly even after the workbook was
 * saved, closed and reopened — Office.js has no undo for add-in writes.
 */
import type { Finding, Severity } from "../model/types";
import { failed, type WriteResult } from "./results";
import { queueReplaceJsonPart, xmlToJson } from "./xml";

const HIGHLIGHT_NS = "urn:plankoll:highlights";

const HIGHLIGHT_STYLE: Record<Severity, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};

/** A touched cell's format before Plankoll changed it. */
export interface SavedFormat {
  sheet: string;
  cell: string;
  fill: { color: string; pattern: string; patternColor: string | null };
  font: { color: string };
  /** The colours Plankoll wrote; a cell that no longer shows them was changed by the user since. */
  applied?: { fill: string; font: string };
}

export interface HighlightRecord {
  version: 1;
  cells: SavedFormat[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

async function loadRecord(
  context: Excel.RequestContext,
  queueAlso: () => void,
): Promise<{ parts: Excel.CustomXmlPart[]; record: HighlightRecord }> {
  const parts = context.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NS);
  parts.load("items/id");
  queueAlso();
  await context.sync();
  let record: HighlightRecord = { version: 1, cells: [] };
  if (parts.items.length) {
    const xmls = parts.items.map((p) => p.getXml());
    await context.sync();
    for (const xml of xmls) {
      const data = xmlToJson(xml.value) as HighlightRecord;
      if (data && Array.isArray(data.cells)) record = { version: 1, cells: [...record.cells, ...data.cells] };
    }
  }
  return { parts: parts.items, record };
}

const sameColor = (a: string | undefined, b: string) => (a ?? "").toUpperCase() === b.toUpperCase();

const key = (sheet: string, cell: string) => `${sheet.toLowerCase()}!${cell.toUpperCase()}`;

/**
 * Highlights the cells of the findings. Cells already highlighted keep their first recorded format.
 * Syncs: 1 (+1 when an earlier record exists) to read, 1 to write — independent of the number of cells.
 */
export async function highlightFindings(
  context: Excel.RequestContext,
  findings: readonly Finding[],
): Promise<WriteResult<{ cells: number; skippedProtected: string[] }>> {
  const worst = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell) continue;
    const cell = f.cell.replace(/\$/g, "").split(":")[0].toUpperCase();
    const k = key(f.sheet, cell);
    const prev = worst.get(k);
    if (!prev || RANK[f.severity] > RANK[prev.severity])
      worst.set(k, { sheet: f.sheet, cell, severity: f.severity });
  }
  if (worst.size === 0) return { ok: false, reason: "nothing" };

  const sheetNames = [...new Set([...worst.values()].map((w) => w.sheet))];
  const sheets = new Map(
    sheetNames.map((name) => [name, context.workbook.worksheets.getItemOrNullObject(name)]),
  );
  let props: {
    target: { sheet: string; cell: string; severity: Severity };
    props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }[] = [];
  let loaded: Awaited<ReturnType<typeof loadRecord>>;
  try {
    loaded = await loadRecord(context, () => {
      for (const ws of sheets.values()) ws.load("name");
    });
    // The format reads need the sheets to exist; queue them now and read with the write's preparation.
    const protections = new Map<string, Excel.WorksheetProtection>();
    for (const [name, ws] of sheets)
      if (!ws.isNullObject) protections.set(name, ws.protection.load("protected"));
    props = [...worst.values()]
      .filter((t) => !sheets.get(t.sheet)!.isNullObject)
      .map((target) => ({
        target,
        props: sheets
          .get(target.sheet)!
          .getRange(target.cell)
          .getCellProperties({
            format: { fill: { color: true, pattern: true, patternColor: true }, font: { color: true } },
          }),
      }));
    await context.sync();
    const skippedProtected = [...protections].filter(([, p]) => p.protected).map(([n]) => n);
    const skip = new Set(skippedProtected);
    props = props.filter((p) => !skip.has(p.target.sheet));

    const record = loaded.record;
    const byKey = new Map(record.cells.map((c) => [key(c.sheet, c.cell), c]));
    for (const { target, props: result } of props) {
      const style = HIGHLIGHT_STYLE[target.severity];
      const applied = { fill: style.fill, font: style.font };
      const known = byKey.get(key(target.sheet, target.cell));
      // Highlighted before: keep the original format, note the colours written now.
      if (known) {
        known.applied = applied;
        continue;
      }
      const fmt = result.value[0][0].format!;
      const saved: SavedFormat = {
        sheet: target.sheet,
        cell: target.cell,
        fill: {
          color: fmt.fill!.color ?? "#FFFFFF",
          pattern: String(fmt.fill!.pattern ?? "None"),
          patternColor: fmt.fill!.patternColor ?? null,
        },
        font: { color: fmt.font!.color ?? "#000000" },
        applied,
      };
      record.cells.push(saved);
      byKey.set(key(target.sheet, target.cell), saved);
    }
    // Save the record before (in the same batch as) the formats change: both apply or neither reads wrong.
    queueReplaceJsonPart(context, loaded.parts, HIGHLIGHT_NS, "highlights", record);
    for (const { target } of props) {
      const range = sheets.get(target.sheet)!.getRange(target.cell);
      range.format.fill.color = HIGHLIGHT_STYLE[target.severity].fill;
      range.format.font.color = HIGHLIGHT_STYLE[target.severity].font;
    }
    await context.sync();
    return { ok: true, cells: props.length, skippedProtected };
  } catch (err) {
    return failed(err);
  }
}

/** Restores every recorded cell and removes the record. Syncs: 1–2 to read the record, 1 to write. */
export async function clearHighlights(
  context: Excel.RequestContext,
): Promise<WriteResult<{ cells: number; missing: number; kept: number }>> {
  try {
    const worksheets = context.workbook.worksheets;
    const { parts, record } = await loadRecord(context, () => worksheets.load("items/name"));
    if (parts.length === 0) return { ok: false, reason: "nothing" };
    const present = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
    let missing = 0;
    // What the cells show now: a cell whose colours the user changed since keeps the user's format.
    const current = record.cells.flatMap((saved) => {
      const ws = present.get(saved.sheet.toLowerCase());
      if (!ws) {
        missing++;
        return [];
      }
      const props = ws.getRange(saved.cell).getCellProperties({
        format: { fill: { color: true, pattern: true }, font: { color: true } },
      });
      return [{ saved, ws, props }];
    });
    await context.sync();
    let restored = 0;
    let kept = 0;
    for (const { saved, ws, props } of current) {
      const now = props.value[0][0].format!;
      const applied = saved.applied;
      const untouched =
        !applied ||
        (sameColor(now.fill!.color, applied.fill) &&
          now.fill!.pattern === "Solid" &&
          sameColor(now.font!.color, applied.font));
      if (!untouched) {
        kept++;
        continue;
      }
      const format = ws.getRange(saved.cell).format;
      if (saved.fill.pattern === "None") format.fill.clear();
      else {
        format.fill.color = saved.fill.color;
        if (saved.fill.pattern !== "Solid") format.fill.pattern = saved.fill.pattern as Excel.FillPattern;
        if (saved.fill.patternColor) format.fill.patternColor = saved.fill.patternColor;
      }
      format.font.color = saved.font.color;
      restored++;
    }
    queueReplaceJsonPart(context, parts, HIGHLIGHT_NS, "highlights", null);
    await context.sync();
    return { ok: true, cells: restored, missing, kept };
  } catch (err) {
    return failed(err);
  }
}

/** Whether the workbook holds highlights to clear (for enabling "Rensa markeringar" after reopen). */
export async function hasHighlights(context: Excel.RequestContext): Promise<boolean> {
  const parts = context.workbook.customXmlParts.getByNamespace(HIGHLIGHT_NS);
  parts.load("items/id");
  await context.sync();
  return parts.items.length > 0;
}
