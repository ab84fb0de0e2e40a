/** The check report's counts are written the way each language writes numbers. */
import type { Finding } from "../../src/model/types";
import { countText, formatCount, renderText, type FileResult } from "../../src/cli/report";

const finding = (severity: Finding["severity"]): Finding => ({
  rule: "sum.mismatch",
  severity,
  sheet: "Budget",
  cell: "B5",
  messageId: "sum.hardcoded.table",
  params: { count: 1 },
  expected: 1,
  actual: 2,
});

test("counts of a thousand or more: '1 234' (no-break space) in Swedish, '1,234' in English", () => {
  expect(formatCount(1234, "sv")).toBe("1\u00a0234");
  expect(formatCount(1234, "en")).toBe("1,234");
  expect(formatCount(7, "sv")).toBe("7");
  expect(countText({ error: 1500, warning: 1, info: 0 }, "sv")).toBe("1\u00a0500 fel, 1 varning");
  expect(countText({ error: 1500, warning: 2, info: 0 }, "en")).toBe("1,500 errors, 2 warnings");
});

test("the summary line of a big run", () => {
  const results: FileResult[] = Array.from({ length: 1200 }, (_, i) => ({
    file: `avd${i}.xlsx`,
    findings: [finding("error")],
    error: i < 1001 ? null : { code: "not-found", message: "filen finns inte" },
  }));
  expect(renderText(results, "sv").trimEnd().split("\n").pop()).toBe(
    "Kontrollerade 1\u00a0001 filer: 1\u00a0001 fel; 199 filer kunde inte läsas.",
  );
  expect(renderText(results, "en").trimEnd().split("\n").pop()).toBe(
    "Checked 1,001 files: 1,001 errors; 199 files could not be read.",
  );
});
