/**
 * Ribbon commands of the "Plankoll" tab.
 *
 * With the shared runtime the manifest's FunctionFile is the task pane page itself (taskpane.html), so
 * there is no separate commands page: the task pane entry (src/taskpane/index.tsx) calls
 * `registerCommands(handlers)` when it loads, and the handlers reach the pane's state directly.
 *
 * - "Visa Plankoll": ShowTaskpane action in manifest.xml; Office opens the pane, no code here.
 * - "Kontrollera": ExecuteFunction "plankollValidate" → opens the pane (so progress and results are
 *   visible) and runs `handlers.validate()`.
 */

/** What the task pane supplies to the ribbon commands. */
export interface CommandHandlers {
  /**
   * Validate the whole workbook and show the findings in the pane. It reports problems to the user
   * itself (in the pane); a rejection is only logged here, the ribbon command still completes.
   */
  validate(): Promise<void>;
}

/** The ExecuteFunction names in manifest.xml (tests check they match the associate calls below). */
export const COMMAND_IDS = { validate: "plankollValidate" } as const;

/** The part of Office.js the commands use; injectable so tests run without Office. */
export interface CommandHost {
  actions?: { associate(name: string, action: (event: Office.AddinCommands.Event) => void): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

function officeHost(): CommandHost | undefined {
  return typeof Office === "undefined" ? undefined : (Office as unknown as CommandHost);
}

/**
 * Registers the ribbon commands with Office. Returns the ids registered: none where the host has no
 * `Office.actions` (the workbench, a browser without Office), so callers need not guard.
 */
export function registerCommands(
  handlers: CommandHandlers,
  host: CommandHost | undefined = officeHost(),
): string[] {
  if (!host?.actions) return [];

  // A second click while a check is running joins it instead of starting another read of the workbook.
  let running: Promise<void> | null = null;
  const validateOnce = (): Promise<void> => {
    running ??= handlers.validate().finally(() => {
      running = null;
    });
    return running;
  };

  host.actions.associate("plankollValidate", (event) => {
    void (async () => {
      try {
        // Show the pane first: the check may take a moment and its results are shown there.
        await host.addin?.showAsTaskpane().catch(() => undefined);
        await validateOnce();
      } catch (err) {
        console.error("Plankoll: Kontrollera misslyckades / the check failed", err);
      } finally {
        // Office waits for this; without it the ribbon button stays busy.
        event.completed();
      }
    })();
  });
  return [COMMAND_IDS.validate];
}
