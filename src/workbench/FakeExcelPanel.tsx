/**
 * A small view of the fake workbook next to the pane (outside it): sheet tabs, the selection and the
 * active sheet's cells with their fills, so a person or an e2e test can see what the pane did.
 */
import { useEffect, useReducer } from "react";
import { isCellError } from "../model/types";
import { a1, columnName, formatArea } from "../model/address";
import { formatSvNumber } from "../plan/numbers";
import type { FakeWorkbookModel } from "./fakeExcel";

const MAX_ROWS = 60;
const MAX_COLS = 10;

function show(v: unknown, format: string): string {
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "number") {
    // Enough of Excel's number formats for the sample: decimals after ".", percent. Swedish Excel writes
    // "-1 622" with a hyphen minus (Intl's sv-SE would give "−1 622", which neither Excel nor the pane shows).
    const decimals = /\.(0+)/.exec(format)?.[1].length;
    const text = (x: number) =>
      decimals === undefined ? formatSvNumber(Math.round(x * 100) / 100) : formatSvNumber(x, decimals);
    if (format.includes("%")) return `${text(v * 100)} %`;
    return text(v);
  }
  if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
  return String(v);
}

export function FakeExcelPanel({
  model,
  onRibbonValidate,
  onRestart,
}: {
  model: FakeWorkbookModel;
  onRibbonValidate(): void;
  /** Restart the add-in on the same workbook (what closing and reopening looks like to the pane). */
  onRestart(): void;
}) {
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const off = model.onChange(refresh);
    // Syncs that ran before this subscription (the pane's first read) should show too.
    refresh();
    return off;
  }, [model]);

  const sheet = model.activeSheet;
  const sel = model.selection;
  const used = sheet.usedArea(false) ?? { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0 };
  const rows = Math.min(MAX_ROWS, Math.max(used.lastRow + 2, sel.area.lastRow + 2, 20));
  const cols = Math.min(MAX_COLS, Math.max(used.lastCol + 2, sel.area.lastCol + 2, 6));
  const inSel = (r: number, c: number) =>
    sel.sheetId === sheet.id &&
    r >= sel.area.firstRow &&
    r <= sel.area.lastRow &&
    c >= sel.area.firstCol &&
    c <= sel.area.lastCol;

  const isActive = (r: number, c: number) =>
    sel.sheetId === sheet.id && r === sel.area.firstRow && c === sel.area.firstCol;

  /** A click selects the cell, as in Excel; shift-click extends the selection from the active cell. */
  const selectCell = (r: number, c: number, extend: boolean) => {
    const from =
      extend && sel.sheetId === sheet.id ? sel.area : { firstRow: r, firstCol: c, lastRow: r, lastCol: c };
    const a = extend ? { r: from.firstRow, c: from.firstCol } : { r, c };
    model.selection = {
      sheetId: sheet.id,
      area: {
        firstRow: Math.min(a.r, r),
        firstCol: Math.min(a.c, c),
        lastRow: Math.max(a.r, r),
        lastCol: Math.max(a.c, c),
      },
    };
    model.changed();
  };

  /** A sheet tab activates its sheet with A1 selected (Excel remembers each sheet's selection; A1 will do). */
  const selectSheet = (id: string) => {
    if (id === sheet.id) return;
    model.activeSheetId = id;
    model.selection = { sheetId: id, area: { firstRow: 0, firstCol: 0, lastRow: 0, lastCol: 0 } };
    model.changed();
  };

  return (
    <section className="fake-excel" aria-label="Fake Excel">
      <div className="fake-toolbar">
        <strong>Fake Excel</strong>
        <span data-testid="fake-selection">{`${sheet.name}!${formatArea(sel.area)}`}</span>
        <span className="fake-stats" data-testid="fake-syncs">
          syncs: {model.syncCount}
        </span>
        <button type="button" onClick={onRibbonValidate} data-testid="ribbon-validate">
          Menyfliksknapp: Kontrollera
        </button>
        <button type="button" onClick={onRestart} data-testid="restart-addin">
          Starta om tillägget
        </button>
      </div>
      <div className="fake-grid-wrap">
        <table className="fake-grid" data-testid="fake-grid" data-sheet={sheet.name}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c}>{columnName(c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th>{r + 1}</th>
                {Array.from({ length: cols }, (_, c) => {
                  const cell = sheet.get(r, c);
                  const style: Record<string, string> = {};
                  if (cell && cell.fill.pattern !== "None") style.background = cell.fill.color;
                  if (cell && cell.font.color !== "#000000") style.color = cell.font.color;
                  if (cell?.font.bold) style.fontWeight = "600";
                  const numeric = typeof cell?.value === "number";
                  return (
                    <td
                      key={c}
                      data-cell={a1(r, c)}
                      className={`${inSel(r, c) ? "sel" : ""} ${isActive(r, c) ? "active" : ""} ${numeric ? "num" : ""}`}
                      style={style}
                      title={cell?.formula ?? undefined}
                      onMouseDown={(e) => {
                        e.preventDefault();
                        selectCell(r, c, e.shiftKey);
                      }}
                    >
                      {cell ? show(cell.value, cell.numberFormat) : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="fake-tabs" aria-label="Blad">
        {model.sheets.map((s) => (
          <button
            type="button"
            key={s.id}
            className={s.id === sheet.id ? "active" : ""}
            aria-pressed={s.id === sheet.id}
            onClick={() => selectSheet(s.id)}
            data-testid="fake-sheet-tab"
          >
            {s.name}
          </button>
        ))}
      </nav>
    </section>
  );
}
