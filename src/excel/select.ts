/** Going to a finding's cell: activate its sheet and select the cell, in one sync. */
import { failed, type WriteResult } from "./results";

export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string,
): Promise<WriteResult<{ sheet: string; cell: string }>> {
  try {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load("visibility");
    await context.sync();
    if (ws.isNullObject) return { ok: false, reason: "missing-sheet", sheet };
    if (ws.visibility !== "Visible") return { ok: false, reason: "hidden-sheet", sheet };
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
    return { ok: true, sheet, cell };
  } catch (err) {
    return failed(err);
  }
}

/** Full recalculation: the PLAN functions are not volatile, so a changed plan needs it. Syncs: 1. */
export async function recalculate(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.calculate("Full" as Excel.CalculationType.full);
  await context.sync();
}
