/**
 * The pane's words and numbers: one formatter per language (the one the engine's messages use), Swedish
 * singular and plural, finding details that tell text from numbers, and repeated findings grouped.
 */
import type { Finding } from "../../src/model/types";
import { findingDetail } from "../../src/taskpane/describe";
import { groupFindings } from "../../src/taskpane/findingGroups";
import { stringsFor } from "../../src/taskpane/strings";

const sv = stringsFor("sv");
const en = stringsFor("en");
const NB = "\u00a0";

describe("numbers: one formatter per language", () => {
  test("English shows 64,308 and -1,622; Swedish 64 308 and -1 622; both a hyphen minus", () => {
    expect(en.num(64308)).toBe("64,308");
    expect(en.num(-1622)).toBe("-1,622");
    expect(sv.num(64308)).toBe(`64${NB}308`);
    expect(sv.num(-1622)).toBe(`-1${NB}622`);
    expect(en.percent(3)).toBe(`3.0${NB}%`);
    expect(sv.percent(3)).toBe(`3,0${NB}%`);
  });

  test("the pane's detail line writes numbers as the engine's English message does", () => {
    const detail = findingDetail({ expected: 64308, actual: 64380 }, en);
    expect(detail).toBe("Expected 64,308, actual 64,380");
    expect(en.goalsCount(1234, 1234)).toBe("1,234 goals");
    expect(en.highlighted(1)).toBe("1 cell is highlighted.");
  });
});

describe("Swedish singular and plural", () => {
  test.each([
    [sv.reviewTargetsChanged(1), "1 målvärde ändrat"],
    [sv.reviewTargetsChanged(2), "2 målvärden ändrade"],
    [sv.reviewGoalsAdded(1), "1 nytt mål"],
    [sv.reviewGoalsAdded(3), "3 nya mål"],
    [sv.reviewGoalsRemoved(1), "1 borttaget mål"],
    [sv.reviewGoalsRemoved(2), "2 borttagna mål"],
    [sv.reviewBudgetChanged(1), "1 budgetsiffra ändrad"],
    [sv.reviewBudgetChanged(4), "4 budgetsiffror ändrade"],
    [sv.summary(1, 1, 0), "1 fel, 1 varning, 0 info"],
    [sv.highlighted(1), "1 cell är markerad."],
    [en.reviewGoalsAdded(1), "1 goal added"],
    [en.reviewBudgetChanged(1), "1 budget figure changed"],
    [en.summary(1, 1, 2), "1 error, 1 warning, 2 info"],
  ])("%s", (actual, expected) => expect(actual).toBe(expected));
});

describe("finding details", () => {
  test("a number stored as text is quoted, so expected and actual do not look the same", () => {
    expect(findingDetail({ expected: 51900, actual: "51 900" }, sv)).toBe(
      `Förväntat 51${NB}900, faktiskt ”51 900”`,
    );
    expect(findingDetail({ expected: 51900, actual: "51 900" }, en)).toBe(`Expected 51,900, actual "51 900"`);
  });
  test("an error value has no 'Förväntat –'", () => {
    expect(findingDetail({ expected: null, actual: "#DIV/0!" }, sv)).toBe("I cellen: #DIV/0!");
    expect(findingDetail({ expected: null, actual: null }, sv)).toBeNull();
  });
});

describe("repeated findings of one kind in one column are one item", () => {
  const f = (cell: string, rule: Finding["rule"] = "cell.number-as-text"): Finding => ({
    rule,
    severity: "warning",
    sheet: "Data",
    cell,
    messageId: "cell.number-as-text",
    params: { text: "1", value: 1, percent: false },
    expected: 1,
    actual: "1",
  });

  test("400 numbers stored as text down column C: one group C2:C401, the odd ones stay cards", () => {
    const many = Array.from({ length: 400 }, (_, i) => f(`C${i + 2}`));
    const items = groupFindings([f("A1", "sum.mismatch"), ...many, f("D5"), f("D9")]);
    expect(
      items.map((i) => (i.kind === "one" ? i.finding.cell : `${i.range} ×${i.findings.length}`)),
    ).toEqual(["A1", "C2:C401 ×400", "D5", "D9"]);
    const group = items[1];
    expect(
      group.kind === "group" &&
        sv.findingGroup(group.findings.length, sv.ruleName[group.rule], group.column, group.range),
    ).toBe(`400 tal lagrade som text i kolumn C (C2:C401)`);
  });
});
