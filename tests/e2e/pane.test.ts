/**
 * Issue 11, end to end on the workbench: the pane at the widths Excel gives it (300–350 px), the "Infoga mål"
 * menu, messages one at a time, the fake Excel's own selection, grouped findings, English numbers, and a
 * console free of React and styling errors. Screenshots at 300 and 350 px go to test-artifacts/.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, buildWorkbench, serveWorkbench } from "./harness";

const FIXTURES = join(__dirname, "../fixtures");

jest.setTimeout(90_000);

let browser: Awaited<ReturnType<typeof serveWorkbench>>;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await serveWorkbench(buildWorkbench());
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

interface FakeModel {
  sheetByName(name: string): unknown;
  addSheet(name: string): unknown;
  writeInput(sheet: unknown, r: number, c: number, input: unknown): void;
  activeSheetId: string;
  changed(): void;
}

/** The pane at `width` px (the workbench's pane column), every console error or warning collected. */
async function openPane(width = 360, query = "", init?: () => void) {
  const page = await browser.context.newPage();
  if (init) await page.addInitScript(init);
  await page.setViewportSize({ width: width + 700, height: 820 });
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => {
    // The static test server has no favicon; the browser's request for it is not the pane's.
    if (/favicon\.ico$/.test(m.location().url)) return;
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(`${browser.url}workbench.html${query}`);
  await page.addStyleTag({ content: `.workbench-pane { width: ${width}px !important; }` });
  await page.waitForSelector("[data-plankoll-ready=true]", { timeout: 30_000 });
  return { page, problems };
}

/** Nothing in the pane is wider than the pane: no sideways scrolling anywhere. */
async function assertNoSidewaysScroll(page: Page, what: string) {
  const wide = await page.evaluate(() => {
    const pane = document.querySelector("[data-testid=plankoll-pane]")!;
    const right = pane.getBoundingClientRect().right + 0.5;
    const out: string[] = [];
    for (const el of pane.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > right) out.push(`${el.tagName}.${el.className}`.slice(0, 80));
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        getComputedStyle(el).overflowX !== "hidden" &&
        el.clientWidth > 0
      )
        out.push(`scrolls: ${el.tagName}.${el.className}`.slice(0, 80));
    }
    return out;
  });
  assert.deepEqual(wide, [], `${what}: wider than the pane`);
}

const box = async (page: Page, testId: string) => {
  const b = await page.getByTestId(testId).boundingBox();
  assert.ok(b, testId);
  return b;
};
const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.each([300, 350])("the pane at %i px", (width) => {
  test("goals view and the open menu: no overlap, no sideways scroll, the pane stays visible behind the menu", async () => {
    const { page, problems } = await openPane(width);
    await page.getByText("29 mål").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `goals-view-${width}.png`) });
    assert.equal(overlaps(await box(page, "goal-search"), await box(page, "insert-goals")), false);
    await assertNoSidewaysScroll(page, "goals view");

    await page.getByTestId("insert-goals").click();
    await page.getByTestId("insert-goals-new-sheet").waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `goals-menu-open-${width}.png`) });
    // The goal cards are still what is seen under them: the popup covers only its own items.
    const seen = await page.evaluate(() => {
      const card = document.querySelector("[data-testid=goal]")!.getBoundingClientRect();
      const el = document.elementFromPoint(card.x + 10, card.y + card.height - 10);
      return el?.closest("[data-testid=goal]") !== null;
    });
    assert.ok(seen, "the open menu must not cover the pane");
    await page.keyboard.press("Escape");
    await page.getByTestId("insert-goals-new-sheet").waitFor({ state: "detached" });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("validation view and import review: no overlap, no sideways scroll", async () => {
    const { page, problems } = await openPane(width);
    await page.getByRole("tab", { name: "Kontroll" }).click();
    await page.getByTestId("validate").click();
    await page.getByTestId("summary").waitFor();
    await assertNoSidewaysScroll(page, "validation view");
    await page.screenshot({ path: join(ARTIFACTS, `validation-view-${width}.png`) });
    await page.locator('[data-testid=finding][data-cell="C6"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `validation-view-${width}-more.png`) });

    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByTestId("import-file-input").setInputFiles(join(FIXTURES, "seed/KSKF-2018-294.txt"));
    await page.getByTestId("import-review").waitFor();
    await assertNoSidewaysScroll(page, "import review");
    await page.screenshot({ path: join(ARTIFACTS, `import-review-${width}.png`) });
    await page.getByTestId("import-diff").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `import-review-${width}-diff.png`) });
    assert.deepEqual(problems, []);
    await page.close();
  });
});

describe("behaviour", () => {
  test("messages: one at a time, gone on the next tab", async () => {
    const { page, problems } = await openPane();
    await page.getByRole("tab", { name: "Kontroll" }).click();
    await page.getByTestId("validate").click();
    await page.getByTestId("summary").waitFor();
    for (let i = 0; i < 3; i++) {
      await page.getByRole("button", { name: "Markera" }).click();
      await page
        .getByTestId("notice")
        .getByText(/celler är markerade/)
        .waitFor();
    }
    assert.equal(await page.getByTestId("notice").count(), 1);
    await page.getByRole("tab", { name: "Mål" }).click();
    await page.getByTestId("goals-view").waitFor();
    assert.equal(await page.getByTestId("notice").count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the fake Excel: a click selects a cell, a tab switches sheets; the formula lands there", async () => {
    const { page, problems } = await openPane();
    // Negative numbers with a hyphen minus, as Excel and the pane's messages write them (was "−758").
    assert.equal(await page.locator('td[data-cell="D5"]').textContent(), "-758");
    await page.getByTestId("fake-sheet-tab").getByText("Nyckeltal").click();
    await page.locator('[data-testid=fake-grid][data-sheet="Nyckeltal"]').waitFor();
    await page.locator('td[data-cell="D3"]').click();
    assert.equal(await page.getByTestId("fake-selection").textContent(), "Nyckeltal!D3");
    await page.getByTestId("goal-search").fill("sjukfrånvaro");
    await page
      .getByTestId("goal")
      .getByRole("button", { name: /Infoga formel/ })
      .click();
    await page.getByTestId("insert-formula-target").click();
    await page.getByText(/Formeln är infogad i D3/).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Plan table: a stale error goes when 'Skapa tom Plan-tabell' succeeds; the empty table is no plan", async () => {
    const { page, problems } = await openPane();
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByRole("button", { name: "Läs in från Plan-tabellen" }).click();
    await page.getByTestId("import-error").waitFor();
    await page.getByRole("button", { name: "Skapa tom Plan-tabell" }).click();
    await page.getByText(/En tom Plan-tabell finns nu på bladet Plan/).waitFor();
    assert.equal(await page.getByTestId("import-error").count(), 0);
    await page.getByRole("button", { name: "Läs in från Plan-tabellen" }).click();
    await page
      .getByTestId("import-error")
      .getByText(/^Plan innehåller ingen plan/)
      .waitFor();
    assert.equal(await page.getByTestId("import-review").count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("Infoga formel: MALVARDE / UTFALL / MALUPPFYLLELSE with key and year; short names once defined; the period shown", async () => {
    const { page, problems } = await openPane();
    await page.getByTestId("fake-sheet-tab").getByText("Nyckeltal").click();
    await page.getByTestId("goal-search").fill("sjukfrånvaro");
    const goal = page.getByTestId("goal");
    // The outcome covers January–August: the card says so.
    assert.match((await goal.textContent()) ?? "", /Utfall t o m augusti 2018/);
    const insert = async (cell: string, item: string) => {
      await page.locator(`td[data-cell="${cell}"]`).click();
      await goal.getByRole("button", { name: /Infoga formel/ }).click();
      const menuItem = page.getByTestId(item);
      const label = (await menuItem.textContent()) ?? "";
      await menuItem.click();
      await page.getByText(new RegExp(`Formeln är infogad i ${cell}`)).waitFor();
      return { label, formula: await page.locator(`td[data-cell="${cell}"]`).getAttribute("title") };
    };
    assert.equal((await insert("F2", "insert-formula-outcome")).formula, '=PLAN.UTFALL("PM26",2018)');
    const achieved = await insert("F3", "insert-formula-achieved");
    assert.equal(achieved.formula, '=PLAN.MALUPPFYLLELSE("PM26",PLAN.UTFALL("PM26",2018),2018)');
    // It compares a January–August outcome with the full-year target: the choice says so.
    assert.match(achieved.label, /t o m augusti 2018 mot helårsmålet/);
    await page.getByRole("button", { name: /Använd korta namn/ }).click();
    await page.getByText(/Namnen MALVARDE, UTFALL och BUDGET finns nu/).waitFor();
    assert.equal((await insert("F4", "insert-formula-target")).formula, '=MALVARDE("PM26",2019)');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("console: no React warnings or styling errors through the menus, the dialog, the language switch and an import", async () => {
    const { page, problems } = await openPane(320);
    await page.getByTestId("insert-goals").click();
    await page.keyboard.press("Escape");
    await page
      .getByTestId("goal")
      .first()
      .getByRole("button", { name: /Infoga formel/ })
      .click();
    await page.getByTestId("insert-formula-target").click();
    // A1 holds the sheet's title: the pane asks.
    await page.getByRole("alertdialog").getByRole("button", { name: "Avbryt" }).click();
    await page.getByRole("alertdialog").waitFor({ state: "detached" });
    await page.getByRole("tab", { name: "Kontroll" }).click();
    await page.getByTestId("validate").click();
    await page.getByTestId("summary").waitFor();
    // A selected finding (its class merged with the card's) and highlighting.
    await page.locator('[data-testid=finding][data-cell="B12"]').click();
    await page.locator('[data-testid=finding][aria-current="true"]').waitFor();
    await page.getByRole("button", { name: "Markera" }).click();
    await page.getByText(/celler är markerade/).waitFor();
    await page.getByRole("button", { name: "Skapa rapport" }).click();
    await page.getByText(/Rapporten finns/).waitFor();
    await page.getByTestId("lang-switch").selectOption("en");
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByTestId("import-file-input").setInputFiles(join(FIXTURES, "seed/KSKF-2018-294.txt"));
    await page.getByTestId("import-review").waitFor();
    await page.getByTestId("import-use").click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Continue" }).click();
    await page.getByTestId("goals-view").waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("400 numbers stored as text are one expandable item, not 400 cards", async () => {
    const { page, problems } = await openPane();
    await page.evaluate(() => {
      const model = (globalThis as unknown as { plankollFake: { model: FakeModel } }).plankollFake.model;
      const sheet = model.addSheet("Export");
      model.writeInput(sheet, 0, 0, "Konto");
      model.writeInput(sheet, 0, 1, "Belopp");
      for (let r = 1; r <= 400; r++) {
        model.writeInput(sheet, r, 0, `Konto ${r}`);
        model.writeInput(sheet, r, 1, `${r} 500`);
      }
      model.changed();
    });
    await page.getByRole("tab", { name: "Kontroll" }).click();
    await page.getByTestId("validate").click();
    await page.getByTestId("summary").waitFor();
    const group = page.locator("[data-testid=finding-group]");
    assert.equal(await group.count(), 1);
    assert.equal(await group.getAttribute("data-count"), "400");
    assert.match((await group.textContent()) ?? "", /400 tal lagrade som text i kolumn B \(B2:B401\)/);
    assert.equal(await page.locator('[data-testid=finding][data-sheet="Export"]').count(), 0);
    await group.getByTestId("finding-group-toggle").click();
    assert.equal(await page.locator('[data-testid=finding][data-sheet="Export"]').count(), 400);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("a language switch re-words the findings shown without running the checks again", async () => {
    // Counts the check engine's runs: each starts its Web Worker (the page has Worker, so no in-page fallback).
    const countChecks = () => {
      const Base = window.Worker;
      const w = window as unknown as { plankollChecks: number };
      w.plankollChecks = 0;
      window.Worker = class extends Base {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          if (options?.name === "plankoll-checks") w.plankollChecks++;
        }
      };
    };
    const { page, problems } = await openPane(360, "", countChecks);
    const runs = () => page.evaluate(() => (window as unknown as { plankollChecks: number }).plankollChecks);
    await page.getByRole("tab", { name: "Kontroll" }).click();
    await page.getByTestId("validate").click();
    const b7 = page.locator('[data-testid=finding][data-cell="B7"]');
    await b7.waitFor();
    assert.match((await b7.textContent()) ?? "", /planen anger/);
    assert.equal(await runs(), 1);
    await page.getByTestId("lang-switch").selectOption("en");
    await page.locator('[data-testid=finding][data-cell="B7"]', { hasText: "the plan states" }).waitFor();
    const text = (await b7.textContent()) ?? "";
    assert.match(text, /Expected 64,308, actual 64,380/);
    assert.doesNotMatch(text, /planen anger|Förväntat/);
    assert.equal(await runs(), 1, "the language switch ran the checks again");
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("English: the pane's numbers are English like the messages", async () => {
    const { page, problems } = await openPane(360, "?lang=en");
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByTestId("validate").click();
    const b7 = page.locator('[data-testid=finding][data-cell="B7"]');
    await b7.waitFor();
    const text = (await b7.textContent()) ?? "";
    assert.match(text, /Expected 64,308, actual 64,380/);
    assert.doesNotMatch(text, /64\s308|64\u00a0308/);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
