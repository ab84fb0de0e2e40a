/**
 * End-to-end: the real task pane on the workbench page (fake Excel), in headless Debian Chromium.
 * Builds the workbench with webpack first (development mode); screenshots go to test-artifacts/.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, buildWorkbench, serveWorkbench } from "./harness";

const FIXTURES = join(__dirname, "../fixtures");

jest.setTimeout(60_000);

let browser: Awaited<ReturnType<typeof serveWorkbench>>;
let server: { url: string };

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await serveWorkbench(buildWorkbench());
  server = browser;
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

interface FakeGlobal {
  plankollFake: {
    model: {
      dump(): unknown;
      sheetByName(name: string): { id: string };
      activeSheetId: string;
      selection: unknown;
      changed(): void;
    };
  };
}

async function openPane(query = "") {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The pane's own warnings (e.g. the check worker failing to start) are failures here too.
  page.on("console", (m) => {
    if (m.type() === "warning" && m.text().startsWith("Plankoll")) errors.push(m.text());
  });
  await page.goto(`${server.url}workbench.html${query}`);
  await page.waitForSelector("[data-plankoll-ready=true]", { timeout: 30_000 });
  return { page, errors };
}

const selection = (page: Page) => page.getByTestId("fake-selection").textContent();
const dump = (page: Page) =>
  page.evaluate(() => JSON.stringify((globalThis as unknown as FakeGlobal).plankollFake.model.dump()));
const setSelection = (page: Page, sheetName: string, r: number, c: number) =>
  page.evaluate(
    ([name, row, col]) => {
      const model = (globalThis as unknown as FakeGlobal).plankollFake.model;
      const sheet = model.sheetByName(name as string);
      model.activeSheetId = sheet.id;
      model.selection = {
        sheetId: sheet.id,
        area: { firstRow: row, firstCol: col, lastRow: row, lastCol: col },
      };
      model.changed();
    },
    [sheetName, r, c] as const,
  );

describe("workbench", () => {
  test("goals view: browse, search, insert a formula, insert the goals table", async () => {
    const { page, errors } = await openPane();
    await page.getByText("29 mål").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "goals-view.png") });

    await page.getByTestId("goal-search").fill("sjukfrånvaro");
    await page.getByText("1 av 29 mål").waitFor();
    const goal = page.getByTestId("goal");
    assert.equal(await goal.count(), 1);
    assert.match((await goal.textContent()) ?? "", /sjukfrånvaro/i);
    assert.match((await goal.textContent()) ?? "", /3,0\s%/);

    // Into an empty cell: no question asked; the PLAN formula's value shows in the grid as a percentage.
    await setSelection(page, "Nyckeltal", 1, 3);
    await goal.getByRole("button", { name: /Infoga formel/ }).click();
    await page.getByTestId("insert-formula-target").click();
    await page.getByText(/Formeln är infogad i D2/).waitFor();
    const d2 = page.locator('[data-testid=fake-grid] td[data-cell="D2"]');
    // The id as printed and the year: the formula survives next year's rewording of the title.
    assert.equal(await d2.getAttribute("title"), '=PLAN.MALVARDE("PM26",2019)');
    assert.equal(((await d2.textContent()) ?? "").replace(/\s/g, " "), "3,0 %");

    // Into a non-empty cell: the pane asks; cancelling leaves the cell alone.
    await setSelection(page, "Nyckeltal", 1, 1);
    const before = await dump(page);
    await goal.getByRole("button", { name: /Infoga formel/ }).click();
    await page.getByTestId("insert-formula-target").click();
    await page
      .getByRole("alertdialog")
      .getByText(/innehåller redan data/)
      .waitFor();
    await page.getByRole("alertdialog").getByRole("button", { name: "Avbryt" }).click();
    assert.equal(await dump(page), before);

    // The whole (filtered) list as a table on a new sheet.
    await page.getByTestId("goal-search").fill("");
    await page.getByTestId("insert-goals").click();
    await page.getByTestId("insert-goals-new-sheet").click();
    await page.getByText(/Måltabellen är infogad på bladet Plankoll-mål/).waitFor();
    assert.equal(await page.locator("[data-testid=fake-grid]").getAttribute("data-sheet"), "Plankoll-mål");
    assert.equal(await page.locator('td[data-cell="B1"]').textContent(), "Mål");
    assert.match(
      (await page.locator('td[data-cell="E2"]').getAttribute("title")) ?? "",
      /^=PLAN\.MALVARDE\(\$B2,2019\)$/,
    );
    assert.equal(await page.locator('td[data-cell="E2"]').textContent(), "72");
    await page.screenshot({ path: join(ARTIFACTS, "goals-table-inserted.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("validation view: planted findings, click to select, highlight and clear exactly, report", async () => {
    const { page, errors } = await openPane();
    const pristine = await dump(page);
    await page.getByRole("tab", { name: "Kontroll" }).click();
    await page.getByTestId("validate").click();
    await page.getByTestId("summary").waitFor();

    const planted = [
      ["Budget 2019", "B7", "plan.mismatch"],
      ["Budget 2019", "B12", "sum.range-gap"],
      ["Budget 2019", "C6", "cell.number-as-text"],
      ["Budget 2019", "B15", "cell.error"],
    ];
    for (const [sheet, cell, rule] of planted)
      assert.equal(
        await page
          .locator(`[data-testid=finding][data-sheet="${sheet}"][data-cell="${cell}"][data-rule="${rule}"]`)
          .count(),
        1,
        `${rule} at ${sheet}!${cell}`,
      );
    // The clean investment sheet has no findings.
    assert.equal(await page.locator('[data-testid=finding][data-sheet="Investeringar"]').count(), 0);
    assert.match((await page.getByTestId("summary").textContent()) ?? "", /\d+ fel, \d+ varningar/);
    await page.screenshot({ path: join(ARTIFACTS, "validation-view.png") });

    // Click → the fake's selection moves to the cell, on its sheet.
    await setSelection(page, "Investeringar", 0, 0);
    await page.locator('[data-testid=finding][data-cell="B12"]').click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=fake-selection]")?.textContent === "Budget 2019!B12",
    );
    assert.equal(await selection(page), "Budget 2019!B12");
    assert.equal(await page.locator("[data-testid=fake-grid]").getAttribute("data-sheet"), "Budget 2019");

    // Highlight, then clear: every cell back exactly as it was.
    const beforeHighlight = await dump(page);
    await page.getByRole("button", { name: "Markera" }).click();
    await page.getByText(/celler är markerade/).waitFor();
    const style = await page.locator('td[data-cell="B12"]').getAttribute("style");
    assert.match(style ?? "", /background/);
    await page.screenshot({ path: join(ARTIFACTS, "validation-highlighted.png") });
    await page.getByRole("button", { name: "Rensa markeringar" }).click();
    await page.getByText(/Markeringarna är borttagna/).waitFor();
    const restored = JSON.parse(await dump(page));
    assert.deepEqual(restored, JSON.parse(beforeHighlight));

    // Report on its own sheet; a second one asks before replacing.
    await page.getByRole("button", { name: "Skapa rapport" }).click();
    await page.getByText(/Rapporten finns på bladet Plankoll-rapport/).waitFor();
    await page.getByRole("button", { name: "Skapa rapport" }).click();
    await page
      .getByRole("alertdialog")
      .getByText(/finns redan/)
      .waitFor();
    await page.getByRole("alertdialog").getByRole("button", { name: "Fortsätt" }).click();
    await page.getByRole("alertdialog").waitFor({ state: "detached" });
    await page
      .getByTestId("notice")
      .getByText(/Rapporten finns på bladet Plankoll-rapport/)
      .waitFor();
    // One message at a time.
    assert.equal(await page.getByTestId("notice").count(), 1);
    const tabs = await page.getByTestId("fake-sheet-tab").allTextContents();
    assert.equal(tabs.filter((t) => t === "Plankoll-rapport").length, 1);

    // The sheets the user had are untouched apart from the report.
    const final = JSON.parse(await dump(page));
    assert.deepEqual(
      final.sheets.filter((s: { name: string }) => s.name !== "Plankoll-rapport"),
      JSON.parse(pristine).sheets,
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("after the add-in restarts, highlights and the plan kept in the workbook are found again", async () => {
    const { page, errors } = await openPane();
    const pristine = await dump(page);
    await page.getByRole("tab", { name: "Kontroll" }).click();
    await page.getByTestId("validate").click();
    await page.getByRole("button", { name: "Markera" }).click();
    await page.getByText(/celler är markerade/).waitFor();

    // Restart the add-in on the same workbook: the new pane knows nothing but what the workbook keeps.
    await page.getByTestId("restart-addin").click();
    await page.waitForSelector("[data-plankoll-ready=true]");
    await page.getByRole("tab", { name: "Kontroll" }).click();
    await page.getByTestId("clear-leftover").click();
    await page.getByText(/Markeringarna är borttagna/).waitFor();
    assert.deepEqual(JSON.parse(await dump(page)), JSON.parse(pristine));
    assert.equal(await page.getByTestId("clear-leftover").count(), 0);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("the ribbon's Kontrollera opens the results; the language switches to English", async () => {
    const { page, errors } = await openPane();
    await page.getByTestId("ribbon-validate").click();
    await page.getByTestId("summary").waitFor();
    assert.ok((await page.getByTestId("finding").count()) >= 4);

    await page.getByTestId("lang-switch").selectOption("en");
    await page.getByRole("tab", { name: "Goals" }).waitFor();
    await page.getByRole("button", { name: "Check again" }).waitFor();
    // The findings are re-worded in English (checked again, not read again).
    const syncsBefore = await page.getByTestId("fake-syncs").textContent();
    await page
      .locator('[data-testid=finding][data-cell="B7"]')
      .getByText(/but the plan states/)
      .waitFor();
    assert.equal(await page.getByTestId("fake-syncs").textContent(), syncsBefore);
    await page.getByRole("tab", { name: "Goals" }).click();
    await page.getByText("29 goals").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "goals-view-en.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("English Office display language starts the pane in English", async () => {
    const { page, errors } = await openPane("?lang=en");
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByRole("button", { name: "Check the workbook" }).click();
    await page.getByTestId("summary").waitFor();
    assert.match((await page.getByTestId("summary").textContent()) ?? "", /errors/);
    // Messages come from the engine in English too.
    assert.match((await page.locator('[data-testid=finding][data-cell="B7"]').textContent()) ?? "", /plan/i);
    await page.screenshot({ path: join(ARTIFACTS, "validation-view-en.png") });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("import: a PDF in the browser (pdfjs) and the seed text → review with counts and diff → use", async () => {
    const { page, errors } = await openPane();
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByTestId("import-view").waitFor();

    // A PDF made from the seed text: pdfjs runs in the page with its worker.
    await page.getByTestId("import-file-input").setInputFiles(join(FIXTURES, "documents/seed.pdf"));
    await page.getByTestId("import-review").waitFor({ timeout: 60_000 });
    assert.match((await page.getByTestId("import-counts").textContent()) ?? "", /Processmål\s*29/);
    await page.screenshot({ path: join(ARTIFACTS, "import-review.png") });

    // A PDF whose table does not add up: the finding, and how its table was read (issue 10).
    await page
      .getByTestId("import-file-input")
      .setInputFiles(join(FIXTURES, "documents/budget-sum-error.pdf"));
    await page.getByTestId("import-read-table").first().waitFor({ timeout: 60_000 });
    const read = page.getByTestId("import-read-table").first();
    assert.match(
      (await read.textContent()) ?? "",
      /Så lästes tabellen s\. 1: Ekonomisk redovisning per verksamhet/,
    );
    await read.locator("summary").click();
    assert.match((await read.textContent()) ?? "", /Totalt: 178 473 \| 182 270 ← summa av rad 1, 2, 3, 4/);

    // A PDF that is not one: a clear message.
    await page.getByTestId("import-file-input").setInputFiles(join(FIXTURES, "documents/not-a-pdf.pdf"));
    await page.getByText("Filen är inte en PDF (not-a-pdf.pdf).").waitFor();
    await page.getByTestId("import-file-input").setInputFiles(join(FIXTURES, "documents/encrypted.pdf"));
    await page.getByText(/krypterad eller lösenordsskyddad/).waitFor();

    // The seed text: same goals as the embedded plan; use it → the header names the file.
    await page.getByTestId("import-file-input").setInputFiles(join(FIXTURES, "seed/KSKF-2018-294.txt"));
    await page.getByTestId("import-review").waitFor();
    assert.match((await page.getByTestId("import-counts").textContent()) ?? "", /Processmål\s*29/);
    // The seed text lacks KoU's åtaganden: the review lists the loss, and using it asks first.
    assert.match((await page.getByTestId("import-losses").textContent()) ?? "", /12 åtaganden \(45 → 33\)/);
    await page.getByTestId("import-use").click();
    const ask = page.getByRole("alertdialog");
    assert.match((await ask.textContent()) ?? "", /saknar 12 åtaganden/);
    await ask.getByRole("button", { name: "Fortsätt" }).click();
    await page.getByTestId("goals-view").waitFor();
    assert.match((await page.getByTestId("plan-source").textContent()) ?? "", /KSKF-2018-294\.txt/);
    const parts = await page.evaluate(() =>
      (
        globalThis as unknown as { plankollFake: { model: { xmlParts: { namespaceUri: string }[] } } }
      ).plankollFake.model.xmlParts.map((p) => p.namespaceUri),
    );
    assert.deepEqual(parts, ["urn:plankoll:plan"]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("keyboard only: reach the check, run it and go to a finding; controls have accessible names", async () => {
    const { page, errors } = await openPane();
    await page.getByRole("tab", { name: "Mål" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("validation-view").waitFor();
    // Tab from the tab list reaches the check button.
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "validate");
    }
    assert.ok(reached, "the check button is reachable with Tab");
    await page.keyboard.press("Enter");
    await page.getByTestId("summary").waitFor();
    const finding = page.getByRole("button", { name: /Gå till Budget 2019!B12/ });
    await finding.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => document.querySelector("[data-testid=fake-selection]")?.textContent === "Budget 2019!B12",
    );
    // Every button in the pane has a name a screen reader can say.
    const unnamed = await page.evaluate(
      () =>
        [...document.querySelectorAll("[data-testid=plankoll-pane] button")].filter(
          (b) => !(b.getAttribute("aria-label") || b.textContent?.trim()),
        ).length,
    );
    assert.equal(unnamed, 0);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
