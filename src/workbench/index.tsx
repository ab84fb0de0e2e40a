/**
 * Dev-only workbench: the real task pane running against the fake Excel (no Office.js, no network),
 * with a view of the fake workbook beside it. `?lang=en` starts it as English Office would.
 */
import { useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { createExcelAdapter } from "../excel";
import { LOCALES } from "../i18n/locale";
import { langFromLocale } from "../plan/i18n";
import { createPaneController } from "../taskpane/api";
import { App } from "../taskpane/components/App";
import { createPaneApi } from "../taskpane/wiring";
import { createEvaluator } from "./evaluator";
import { createFakeExcel, installFakeOffice } from "./fakeExcel";
import { FakeExcelPanel } from "./FakeExcelPanel";
import { sampleWorkbook } from "./sample";

const STYLE = `
  .workbench { display: flex; height: 100vh; background: #f3f2f1; }
  .workbench-pane { width: 360px; flex: none; background: #fff; border-right: 1px solid #d1d1d1; height: 100vh; }
  .fake-excel { flex: 1; display: flex; flex-direction: column; min-width: 0; font: 12px "Segoe UI", system-ui, sans-serif; }
  .fake-toolbar { display: flex; gap: 12px; align-items: center; padding: 6px 10px; background: #217346; color: #fff; }
  .fake-toolbar button:first-of-type { margin-left: auto; }
  .fake-stats { opacity: .85; }
  .fake-grid-wrap { flex: 1; overflow: auto; background: #fff; }
  .fake-grid { border-collapse: collapse; table-layout: fixed; }
  .fake-grid th { background: #f3f2f1; color: #444; font-weight: 400; border: 1px solid #e1e1e1; padding: 2px 4px; min-width: 24px; }
  .fake-grid td { border: 1px solid #e1e1e1; padding: 2px 6px; max-width: 220px; min-width: 64px; height: 18px;
    white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .fake-grid td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .fake-grid td.sel { background-color: #e3f1e8; }
  .fake-grid td.active { outline: 2px solid #217346; outline-offset: -2px; }
  .fake-tabs { display: flex; gap: 2px; padding: 4px 10px; background: #f3f2f1; border-top: 1px solid #d1d1d1; }
  .fake-grid td { cursor: cell; user-select: none; }
  .fake-tabs button { padding: 2px 10px; background: #e9e9e9; border: 0; font: inherit; cursor: pointer; }
  .fake-tabs button.active { background: #fff; color: #217346; font-weight: 600; border-bottom: 2px solid #217346; }
`;

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const params = new URLSearchParams(location.search);
  const lang = langFromLocale(params.get("lang"));
  const displayLanguage = LOCALES[lang].office;
  const holder: { fake?: ReturnType<typeof createFakeExcel> } = {};
  const fake = createFakeExcel(sampleWorkbook(), {
    displayLanguage,
    evaluate: createEvaluator(
      () => holder.fake!.model,
      () => lang,
    ),
  });
  holder.fake = fake;
  installFakeOffice(fake);
  (globalThis as unknown as { plankollFake: unknown }).plankollFake = fake;

  const style = document.createElement("style");
  style.textContent = STYLE;
  document.head.appendChild(style);

  /** The pane and the workbook side by side; "restart" gives a fresh pane on the same workbook. */
  function Workbench() {
    const [generation, setGeneration] = useState(0);
    const { api, controller } = useMemo(
      () => ({
        api: createPaneApi(createExcelAdapter(fake.run, fake.supports), lang),
        controller: createPaneController(),
      }),
      // A new generation is a new add-in session: new functions, new controller.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [generation],
    );
    return (
      <div className="workbench">
        <div className="workbench-pane">
          <App key={generation} api={api} controller={controller} />
        </div>
        <FakeExcelPanel
          model={fake.model}
          onRibbonValidate={() => void controller.validate()}
          onRestart={() => setGeneration((g) => g + 1)}
        />
      </div>
    );
  }

  createRoot(root).render(<Workbench />);
}

start();
