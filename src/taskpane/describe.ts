/** Turns the adapter's result codes into sentences for the user. */
import type { Finding } from "../model/types";
import type { Failure, WriteResult } from "../excel";
import type { Strings } from "./strings";

export function failureText(result: Failure, s: Strings): string {
  switch (result.reason) {
    case "protected":
      return s.protectedTarget(result.sheet);
    case "missing-sheet":
      return s.missingSheet(result.sheet);
    case "hidden-sheet":
      return s.hiddenSheet(result.sheet);
    case "no-room":
      return s.noRoom;
    case "names-exist":
      return s.shortNamesExist(result.names);
    case "unsupported":
      return s.unsupported(result.feature);
    case "needs-confirmation":
      return s.overwriteCells(result.address, result.nonEmpty);
    case "nothing":
      return s.nothingToHighlight;
    case "failed":
      if (result.detail) console.warn("Plankoll:", result.code, result.detail);
      return s.failed(result.code);
  }
}

/**
 * Runs a write; when it needs confirmation, asks (with `question`) and runs it again confirmed.
 * Returns null when the user declined.
 */
export async function withConfirmation<T extends WriteResult<object>>(
  run: (confirmed: boolean) => Promise<T>,
  confirm: (text: string) => Promise<boolean>,
  question: (result: Extract<WriteResult, { reason: "needs-confirmation" }>) => string,
): Promise<T | null> {
  const first = await run(false);
  if (first.ok || first.reason !== "needs-confirmation") return first;
  if (!(await confirm(question(first)))) return null;
  return run(true);
}

/**
 * The line under a finding: "Förväntat 51 900, faktiskt ”51 900”" (text in a cell is quoted, so a number
 * stored as text does not read like the number), numbers in the pane's language; a side the finding has no
 * value for is left out ("I cellen: #DIV/0!") instead of shown as "–".
 */
export function findingDetail(f: Pick<Finding, "expected" | "actual">, s: Strings): string | null {
  const shown = (v: number | string) => (typeof v === "number" ? s.num(v) : v);
  const expected = f.expected === null ? null : shown(f.expected);
  const actual =
    f.actual === null
      ? null
      : typeof f.actual === "string" && typeof f.expected === "number"
        ? s.quoted(f.actual)
        : shown(f.actual);
  if (expected !== null && actual !== null) return s.expectedActual(expected, actual);
  if (expected !== null) return s.expectedOnly(expected);
  if (actual !== null) return s.actualOnly(actual);
  return null;
}
