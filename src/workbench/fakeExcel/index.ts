/**
 * The fake Excel host: `createFakeExcel(snapshot)` gives a model, an `Excel.run`-like runner and
 * an `Office`-like object; `installFakeOffice` puts them on globalThis for the workbench page.
 */
import type { WorkbookSnapshot } from "../../model/types";
import { FakeRequestContext, isSetSupportedBy } from "./api";
import { type FakeOptions, FakeWorkbookModel } from "./model";

export { FakeExcelError, FakeRequestContext } from "./api";
export { FakeWorkbookModel, type FakeOptions, type WorkbookDump, NO_FILL, DEFAULT_FONT } from "./model";

export interface FakeExcel {
  model: FakeWorkbookModel;
  /** A fresh request context, cast to the real type so adapter functions accept it. */
  context(): Excel.RequestContext;
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  Excel: { run: FakeExcel["run"]; CalculationType: Record<string, string> };
  Office: FakeOffice;
  supports(set: string, version: string): boolean;
}

export interface FakeOffice {
  context: {
    displayLanguage: string;
    requirements: { isSetSupported(set: string, version?: string): boolean };
  };
  HostType: { Excel: "Excel" };
  onReady(
    cb?: (info: { host: string; platform: string }) => void,
  ): Promise<{ host: string; platform: string }>;
  addin: { showAsTaskpane(): Promise<void>; hide(): Promise<void> };
  /** Absent on purpose: the workbench has no ribbon, so registerCommands registers nothing. */
  actions?: undefined;
}

export function createFakeExcel(
  source: WorkbookSnapshot | FakeWorkbookModel,
  options: FakeOptions = {},
): FakeExcel {
  const model =
    source instanceof FakeWorkbookModel ? source : FakeWorkbookModel.fromSnapshot(source, options);
  const supports = (set: string, version: string) => isSetSupportedBy(model, set, version);
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(model);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    // Excel.run flushes what the batch queued but did not sync.
    if (ctx.pending > 0) await ctx.sync();
    return result;
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  const office: FakeOffice = {
    context: {
      get displayLanguage() {
        return model.options.displayLanguage;
      },
      requirements: { isSetSupported: (set, version = "1.1") => supports(set, version) },
    },
    HostType: { Excel: "Excel" },
    onReady: (cb) => {
      cb?.(info);
      return Promise.resolve(info);
    },
    addin: { showAsTaskpane: () => Promise.resolve(), hide: () => Promise.resolve() },
  };
  return {
    model,
    context: () => new FakeRequestContext(model) as unknown as Excel.RequestContext,
    run,
    Excel: { run, CalculationType: { full: "Full", recalculate: "Recalculate", fullRebuild: "FullRebuild" } },
    Office: office,
    supports,
  };
}

/** Makes the fake the page's Excel and Office (the workbench loads no Office.js). */
export function installFakeOffice(fake: FakeExcel): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = fake.Excel;
  g.Office = fake.Office;
}
