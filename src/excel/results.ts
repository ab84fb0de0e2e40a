/** What a write operation tells the pane; the pane turns reasons into sentences (strings.ts). */
export type WriteResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "needs-confirmation"; address: string; nonEmpty?: number }
  | { ok: false; reason: "protected"; sheet: string }
  | { ok: false; reason: "missing-sheet"; sheet: string }
  | { ok: false; reason: "hidden-sheet"; sheet: string }
  | { ok: false; reason: "no-room"; address?: string }
  | { ok: false; reason: "names-exist"; names: string[] }
  | { ok: false; reason: "unsupported"; feature: string }
  | { ok: false; reason: "nothing" }
  | { ok: false; reason: "failed"; code: string; detail?: string };

export type Failure = Extract<WriteResult, { ok: false }>;

export function failed(err: unknown): Failure {
  const code = (err as { code?: unknown } | null)?.code;
  // The detail is for the console and bug reports; the pane shows a sentence for the code.
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, reason: "failed", code: typeof code === "string" ? code : "unknown", detail };
}

/** True for a cell that holds anything (value or formula). */
export function isFilled(value: unknown, formula: unknown): boolean {
  return (
    (value !== "" && value !== null && value !== undefined) || (typeof formula === "string" && formula !== "")
  );
}
