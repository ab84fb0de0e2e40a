/**
 * `plankoll fn` in-process through main(): the same code path as `npx plankoll fn …`.
 * The expected figures are the document's (seed text, pages 5–18), not read from the plan file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { cellFromWord, formatValue } from "../../../src/cli/commands/fn";
import { embeddedPlan } from "../../../src/plan/embedded";
import { runCli } from "../../support/cli";

async function fn(...argv: string[]) {
  const { code, out, err } = await runCli("fn", ...argv);
  return { code, stdout: out, stderr: err };
}

describe("the issue's acceptance examples", () => {
  test('MALVARDE "Total sjukfrånvaro" 2019 → 0.03', async () => {
    expect(await fn("MALVARDE", "Total sjukfrånvaro", "2019")).toEqual({
      code: 0,
      stdout: "0.03\n",
      stderr: "",
    });
  });
  test("BUDGET HR 2019 → 64308", async () => {
    expect(await fn("BUDGET", "HR", "2019")).toEqual({ code: 0, stdout: "64308\n", stderr: "" });
  });
  test("BUDGET HR 2019 Budget mnkr → 64.308", async () => {
    expect(await fn("BUDGET", "HR", "2019", "Budget", "mnkr")).toEqual({
      code: 0,
      stdout: "64.308\n",
      stderr: "",
    });
  });
  test('MALVARDE "Förtätning" 2019 → #N/A, the note on stderr, exit 1', async () => {
    const r = await fn("MALVARDE", "Förtätning", "2019");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("#N/A\n");
    expect(r.stderr).toBe(
      '"Förtätning av staden enligt utbyggnadsstrategin" har inget målvärde för 2019: Fastställs senare.\n',
    );
  });
});

/** [distinctive words, målvärde 2018, utfall t o m augusti 2018, målvärde 2019]; percent as fractions; a string is the note. */
const DOCUMENT: [string, number | string, number | string, number | string][] = [
  ["Nöjd politikerindex", 71, 83, 72],
  ["index för trygghet", 44, 40, 45],
  ["möjligheten till inflytande", 43, 41, 45],
  ["delaktighetsindex", 70, 48, 75],
  ["Föreningar förtroende", 89, 74, 90],
  ["bredband", 83, 77, 87],
  ["Förtätning", 600, 299, "Fastställs senare"],
  ["större händelser", "Målvärdet är borttaget", "Målvärdet är borttaget", "Målvärdet är borttaget"],
  ["500 företag", 500, 281, 500],
  ["arbetstillfällen", 300, 84, 300],
  ["företagsklimat", 3.3, 3.3, 3.4],
  ["SBA-undersökning", 74, 77, 75],
  ["Handelsindex", "Målvärdet är borttaget", "Målvärdet är borttaget", "Målvärdet är borttaget"],
  ["förnybara bränslen", 0.87, 0.3, 1],
  ["jämställdhetsperspektiv", 0, 0, 1],
  ["antalet idéer", 35, 2, 35],
  ["miljöcertifierad arbetsplats", 1, 1, 1],
  ["förverkligade idéer", 0.12, 0, 0.12],
  ["kommunkoncernen sköter", 56, 57, 58],
  ["internportalen", 0.79, 0.82, 0.8],
  ["svar på e-post", 0.93, 0.92, 0.95],
  ["kontakt med handläggare", 0.75, 0.75, 0.8],
  ["gott bemötande", 0.87, 0.9, 0.9],
  ["lätt att hitta", 0.95, 0.93, 1],
  ["medarbetarengagemang", 84, 79.8, 85],
  ["Total sjukfrånvaro", 0.03, 0.032, 0.03],
  ["födda utanför Norden", 0.06, 0.03, 0.08],
  ["stolta över", 0.945, 0.927, 0.95],
  ["avtalstrohet", 0.75, 0.95, 0.75],
];

describe("every processmål through plankoll fn", () => {
  test("the table covers all 29 goals, each query picking a different goal by a part of its title", () => {
    expect(embeddedPlan.goals).toHaveLength(29);
    expect(DOCUMENT).toHaveLength(29);
  });

  test.each(DOCUMENT)("%s", async (query, target2018, outcome2018, target2019) => {
    const title = await fn("MAL", query);
    expect(title.code).toBe(0);
    // A part of the title, not the whole of it.
    expect(title.stdout.trim().length).toBeGreaterThan(query.length);

    for (const [name, year, expected] of [
      ["MALVARDE", "2018", target2018],
      ["UTFALL", "2018", outcome2018],
      ["MALVARDE", "2019", target2019],
    ] as const) {
      const r = await fn(name, query, year);
      if (typeof expected === "number") {
        expect({ name, year, ...r }).toEqual({ name, year, code: 0, stdout: `${expected}\n`, stderr: "" });
      } else {
        expect(r.code).toBe(1);
        expect(r.stdout).toBe("#N/A\n");
        expect(r.stderr).toContain(expected);
      }
    }
  });

  test("the queries reach 29 different goals", async () => {
    const titles = new Set<string>();
    for (const [query] of DOCUMENT) titles.add((await fn("MAL", query)).stdout);
    expect(titles.size).toBe(29);
  });
});

describe("the driftram the plan states in words (s. 21)", () => {
  test("BUDGET Driftram 2019 → 387.8 (mnkr, as stated); in tkr → 387800", async () => {
    expect(await fn("BUDGET", "Driftram", "2019")).toEqual({ code: 0, stdout: "387.8\n", stderr: "" });
    expect((await fn("BUDGET", "Driftram", "2019", "Budget", "tkr")).stdout).toBe("387800\n");
    expect((await fn("BUDGET", "Årsplan", "2019")).stdout).toBe("373.1\n");
    expect((await fn("BUDGET", "Budgetregleringsposter")).stdout).toBe("14.7\n");
    expect((await fn("BUDGET", "Investeringsbudget")).stdout).toBe("26500000\n");
  });
});

describe("names, arguments and output", () => {
  test("English names and messages", async () => {
    expect((await fn("target", "Total sjukfrånvaro", "2019")).stdout).toBe("0.03\n");
    const r = await fn("TARGET", "Förtätning", "--lang", "en");
    expect(r).toMatchObject({ code: 1, stdout: "#N/A\n" });
    expect(r.stderr).toMatch(/has no target for 2019: Fastställs senare\.\n$/);
  });

  test("sv-SE and JS numbers, percent text, booleans", async () => {
    expect((await fn("MALUPPFYLLELSE", "Total sjukfrånvaro", "3,2")).stdout).toBe("FALSE\n");
    expect((await fn("MALUPPFYLLELSE", "Total sjukfrånvaro", "0.029")).stdout).toBe("TRUE\n");
    expect((await fn("AVVIKELSE", "Total sjukfrånvaro", "3,2 %")).stdout).toBe("-0.002\n");
    const bool = await fn("MALVARDE", "TRUE");
    expect(bool).toMatchObject({ code: 1, stdout: "#VALUE!\n" });
    expect(cellFromWord("64 308")).toBe(64308);
    expect(cellFromWord("-1")).toBe(-1);
    expect(cellFromWord("1e3")).toBe(1000);
    expect(cellFromWord("sant")).toBe(true);
    expect(cellFromWord("FALSE")).toBe(false);
    expect(cellFromWord("3,2 %")).toBe("3,2 %");
    expect(cellFromWord("HR")).toBe("HR");
  });

  test("MALLISTA prints tab-separated rows under a header", async () => {
    const r = await fn("MALLISTA", "Stabil ekonomi");
    expect(r).toEqual({
      code: 0,
      stdout:
        "Område\tMål\tMålvärde 2018\tUtfall 2018\tMålvärde 2019\n" +
        "Effektiv organisation › Stabil ekonomi\t2019 uppgår avtalstroheten till minst 75 %\t0.75\t0.95\t0.75\n",
      stderr: "",
    });
    expect(formatValue([[1, true, ""]])).toBe("1\tTRUE\t");
  });

  test("#VALUE! for a bad unit, on stdout, message on stderr", async () => {
    expect(await fn("BUDGET", "HR", "2019", "Budget", "euro")).toEqual({
      code: 1,
      stdout: "#VALUE!\n",
      stderr: 'Okänd enhet "euro": ange kr, tkr eller mnkr.\n',
    });
  });

  test("usage errors exit 2", async () => {
    expect((await fn()).code).toBe(2);
    const unknown = await fn("SUMMA", "1");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/okänd funktion "SUMMA"/);
    expect((await fn("MALVARDE", "x", "--lang", "de")).code).toBe(2);
    expect((await fn("MALVARDE", "x", "--plan")).code).toBe(2);
    expect((await fn("MALVARDE", "x", "--verbose")).code).toBe(2);
    const help = await fn("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Användning: plankoll fn NAMN/);
  });

  test("--plan reads another plan; an unreadable one is a usage error", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plankoll-fn-"));
    const file = path.join(dir, "plan.json");
    const plan = structuredClone(embeddedPlan) as {
      goals: { values: { period: number; value: number | null }[] }[];
    };
    const sick = plan.goals.find((g) => JSON.stringify(g).includes("sjukfrånvaron"))!;
    sick.values.find((v) => v.period === 2019)!.value = 4.5;
    fs.writeFileSync(file, JSON.stringify(plan));
    expect((await fn("MALVARDE", "Total sjukfrånvaro", "--plan", file)).stdout).toBe("0.045\n");
    expect((await fn("MALVARDE", "Total sjukfrånvaro", `--plan=${file}`)).stdout).toBe("0.045\n");

    const missing = await fn("MALVARDE", "Total sjukfrånvaro", "--plan", path.join(dir, "saknas.json"));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toMatch(/saknas\.json/);

    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ ...plan, year: "nästa" }));
    const invalid = await fn("MALVARDE", "Total sjukfrånvaro", "--plan", bad);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/year/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
