/**
 * The task pane entry in Excel (shared runtime: this page also runs the custom functions and the
 * ribbon commands). Wires the real Excel adapter into the pane and registers "Kontrollera".
 */
import { registerCommands } from "../commands/commands";
import { createExcelAdapter } from "../excel";
import { langFromLocale } from "../plan/i18n";
import { createPaneController } from "./api";
import { mountPane } from "./mount";
import { createPaneApi } from "./wiring";

const controller = createPaneController();

// Registered at load: the ribbon button may be clicked before the pane was ever shown.
registerCommands({ validate: () => controller.validate() });

function start(): void {
  const root = document.getElementById("root");
  if (!root) return;
  const lang = langFromLocale(Office.context.displayLanguage);
  mountPane(root, createPaneApi(createExcelAdapter(), lang), controller);
}

if (typeof Office !== "undefined") void Office.onReady(() => start());
