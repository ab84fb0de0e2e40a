import { COMMAND_IDS, registerCommands, type CommandHost } from "../../src/commands/commands";

type Action = (event: Office.AddinCommands.Event) => void;

/** A stand-in for Office.actions/Office.addin that records what the command does, in order. */
function fakeHost(opts: { showFails?: boolean; withAddin?: boolean } = {}) {
  const actions = new Map<string, Action>();
  const log: string[] = [];
  const host: CommandHost = {
    actions: { associate: (name, action) => void actions.set(name, action) },
  };
  if (opts.withAddin !== false) {
    host.addin = {
      showAsTaskpane: async () => {
        log.push("show");
        if (opts.showFails) throw new Error("not supported");
      },
    };
  }
  /** Clicks the ribbon button and resolves when Office is told the command completed. */
  const click = (name: string) =>
    new Promise<void>((resolve) => {
      const action = actions.get(name);
      if (!action) throw new Error(`no action ${name}`);
      action({
        completed: () => {
          log.push("completed");
          resolve();
        },
      } as unknown as Office.AddinCommands.Event);
    });
  return { host, actions, log, click };
}

describe("ribbon commands", () => {
  test("registers the Kontrollera function under the manifest's FunctionName", () => {
    const { host, actions } = fakeHost();
    const ids = registerCommands({ validate: async () => undefined }, host);
    expect(ids).toEqual([COMMAND_IDS.validate]);
    expect([...actions.keys()]).toEqual(["plankollValidate"]);
  });

  test("Kontrollera opens the pane, validates, then completes the command", async () => {
    const { host, log, click } = fakeHost();
    registerCommands(
      {
        validate: async () => {
          log.push("validate");
        },
      },
      host,
    );
    await click("plankollValidate");
    expect(log).toEqual(["show", "validate", "completed"]);
  });

  test("the command completes even when validation fails or the pane cannot be shown", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { host, log, click } = fakeHost({ showFails: true });
    registerCommands(
      {
        validate: async () => {
          log.push("validate");
          throw new Error("boom");
        },
      },
      host,
    );
    await click("plankollValidate");
    expect(log).toEqual(["show", "validate", "completed"]);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  test("a second click during a running check joins it instead of reading the workbook twice", async () => {
    const { host, click } = fakeHost({ withAddin: false });
    let runs = 0;
    let finish: () => void = () => undefined;
    registerCommands(
      {
        validate: () => {
          runs++;
          return new Promise<void>((resolve) => (finish = resolve));
        },
      },
      host,
    );
    const first = click("plankollValidate");
    const second = click("plankollValidate");
    await Promise.resolve();
    finish();
    await Promise.all([first, second]);
    expect(runs).toBe(1);
    // After it finished, a new click starts a new check.
    const third = click("plankollValidate");
    await Promise.resolve();
    finish();
    await third;
    expect(runs).toBe(2);
  });

  test("without Office (workbench, plain browser) nothing is registered and nothing throws", () => {
    expect(registerCommands({ validate: async () => undefined }, undefined)).toEqual([]);
    expect(registerCommands({ validate: async () => undefined }, {})).toEqual([]);
    // The default host is the Office global, absent under Jest.
    expect(registerCommands({ validate: async () => undefined })).toEqual([]);
  });
});
