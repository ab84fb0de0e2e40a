/** Turns the adapter's result codes into sentences for the user. */
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
