/** `plankoll plan`: run in-process through main() with a captured Io. */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { embeddedPlan } from "../../../src/plan/embedded";
import { DOCUMENT_FINDING_FIELDS } from "../../support/findingFields";
import { runCli } from "../../support/cli";

const run = (...argv: string[]) => runCli("plan", ...argv);

const dir = mkdtempSync(join(tmpdir(), "plankoll-plan-"));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
function planWith(change: (p: Record<string, unknown> & typeof embeddedPlan) => void): string {
  const p = structuredClone(embeddedPlan) as Record<string, unknown> & typeof embeddedPlan;
  change(p);
  return JSON.stringify(p, null, 2);
}

describe("plankoll plan (text)", () => {
  it("prints the embedded Eskilstuna 2019 plan as a Swedish summary with 29 processmål", async () => {
    const { code, out, err } = await run();
    expect(code).toBe(0);
    expect(err).toBe("");
    expect(out).toContain("Eskilstuna kommun – Kommunstyrelsen, Kommunledningskontoret");
    expect(out).toContain("KSKF/2018:294, 2018-10-26");
    expect(out).toContain("Processmål (29) – Mål 2018 | Utfall t o m augusti 2018 | Mål 2019");
    expect(out).toContain("Hållbar utveckling › Attraktiv stad och landsbygd › Demokrati");
    expect(out).toMatch(/3,0\s% \|\s+3,2\s% \|\s+3,0\s%\s+Den totala sjukfrånvaron/);
    expect(out).toMatch(/600 \|\s+299 \|\s+–\s+Förtätning av staden/);
    expect(out).toContain("– Fastställs senare");
    expect(out).toContain("[PM26-sjukfranvaro]");
  });

  it("shows the budget table with each measure's unit, the investment table and the driftram", async () => {
    const { out } = await run();
    expect(out).toMatch(/Utfall 2017\s+Prognos 2018\s+Budget 2019\n\s+mnkr\s+mnkr\s+tkr/);
    expect(out).toMatch(/28,0\s+15,0\s+387\u00a0800\s+Totalt/);
    expect(out).toMatch(/26\u00a0500\u00a0000\s+Summa/);
    expect(out).toContain(
      "Driftram 2019 387,8\u00a0mnkr = Driftram i Årsplan 2019 373,1\u00a0mnkr + Budgetregleringsposter 14,7\u00a0mnkr",
    );
    expect(out).toContain("Total sjukfrånvaro, %");
    expect(out).toContain("Åtaganden: 45 – KLK: 33 (16 från årsplanen, 17 egna)");
  });

  it("speaks English with --lang en", async () => {
    const { code, out } = await run("--lang", "en");
    expect(code).toBe(0);
    expect(out).toContain("Process goals (29) – Target 2018 | Outcome through August 2018 | Target 2019");
    expect(out).toMatch(/28\.0\s+15\.0\s+387,800\s+Totalt/);
  });
});

describe("plankoll plan --format json", () => {
  it("prints the plan as JSON that round-trips to the embedded plan", async () => {
    const { code, out } = await run("--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(embeddedPlan);
  });

  it("with --check prints { plan, findings } in the document finding shape, exit 0 for an info", async () => {
    const { code, out } = await run("--format", "json", "--check");
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(["plan", "findings"]);
    expect(doc.findings).toEqual([
      expect.objectContaining({
        rule: "plan.inconsistent",
        severity: "info",
        sheet: null,
        cell: null,
        page: 5,
        expected: 20,
        actual: 6,
      }),
    ]);
    expect(Object.keys(doc.findings[0])).toEqual(DOCUMENT_FINDING_FIELDS);
  });
});

describe("plankoll plan --check", () => {
  it("lists the findings after the summary, in Swedish; info only, so exit 0", async () => {
    const { code, out } = await run("--check");
    expect(code).toBe(0);
    expect(out).toContain("Kontroll av planen: 1 fynd (1 info)");
    expect(out).toContain("[info] plan.inconsistent  s. 5 · Processmål vars målvärde ännu inte är uppnått");
  });

  it("exits 0 for a plan file without inconsistencies", async () => {
    const path = file(
      "clean.json",
      planWith((p) => {
        p.facts.find((f) => f.counts === "goalsNotReached")!.value = 20;
      }),
    );
    const { code, out } = await run("--check", "--plan", path);
    expect(code).toBe(0);
    expect(out).toContain(`Plan: ${path}`);
    expect(out).toContain("Kontroll av planen: inga fel eller varningar.");
  });

  it("reports a wrong total at page, row and column, exit 1", async () => {
    const path = file(
      "wrong-total.json",
      planWith((p) => {
        p.budgetTables[0].total.values["budget-2019"] = 388_800;
      }),
    );
    const { code, out } = await run("--check", "--plan", path, "--format", "json");
    expect(code).toBe(1);
    expect(JSON.parse(out).findings[0]).toMatchObject({
      rule: "sum.mismatch",
      severity: "error",
      page: 21,
      row: "Totalt",
      column: "Budget 2019",
      expected: 387_800,
      actual: 388_800,
    });
  });
});

describe("plankoll plan: bad input → one clear message, exit 2, no stack trace", () => {
  it.each([
    [["--format", "xml"], /okänt format \/ unknown format "xml"/],
    [["--lang", "fi"], /okänt språk \/ unknown language "fi"/],
    [["--bogus"], /plankoll plan: okänd flagga --bogus\n/],
    [["extra"], /plankoll plan: oväntat argument "extra"\n/],
    [["--plan"], /plankoll plan: --plan saknar värde\n/],
    [["--plan", ""], /--plan behöver ett filnamn/],
  ])("%j", async (argv, message) => {
    const { code, out, err } = await run(...(argv as string[]));
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toMatch(message);
    expect(err).toContain("Användning / usage: plankoll plan");
  });

  it("a missing plan file", async () => {
    const { code, err } = await run("--plan", join(dir, "saknas.json"));
    expect(code).toBe(2);
    expect(err).toBe(`plankoll plan: Planfilen ${join(dir, "saknas.json")} finns inte.\n`);
  });

  it("a folder instead of a file", async () => {
    const sub = join(dir, "mapp");
    mkdirSync(sub, { recursive: true });
    const { code, err } = await run("--plan", sub, "--lang", "en");
    expect(code).toBe(2);
    expect(err).toBe(`plankoll plan: ${sub} is a folder, not a plan file.\n`);
  });

  it("a file that is not JSON, with line and column", async () => {
    const path = file("broken.json", '{\n  "id": "x",\n  "year": 2019,,\n}');
    const { code, err } = await run("--plan", path);
    expect(code).toBe(2);
    expect(err).toMatch(
      /^plankoll plan: Planfilen .*broken\.json är inte giltig JSON \(rad 3, kolumn 16\): /,
    );
    expect(err).not.toMatch(/\n\s+at /);
  });

  it("an empty file", async () => {
    const { code, err } = await run("--plan", file("empty.json", "  \n"));
    expect(code).toBe(2);
    expect(err).toMatch(/är tom\.\n$/);
  });

  it("a plan that breaks the schema names the field, and lists every problem", async () => {
    const path = file(
      "bad-schema.json",
      planWith((p) => {
        (p.goals[3].values[0] as Record<string, unknown>).value = "70";
        delete (p as Record<string, unknown>).title;
      }),
    );
    const { code, out, err } = await run("--plan", path);
    expect(code).toBe(2);
    expect(out).toBe("");
    const lines = err.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^plankoll plan: Planfilen .*bad-schema\.json följer inte planformatet: .+ \(och 1 fel till\)$/,
    );
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}- title: /),
      expect.stringMatching(/^ {2}- goals\[3\]\.values\[0\]\.value: ska vara ett tal, inte text$/),
    ]);
  });

  it("accepts a UTF-8 BOM", async () => {
    const { code } = await run("--plan", file("bom.json", "\uFEFF" + JSON.stringify(embeddedPlan)));
    expect(code).toBe(0);
  });
});
