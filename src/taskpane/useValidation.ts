/** The validation state lives in the shell, so results survive switching tabs and the ribbon can start a run. */
import { useCallback, useRef, useState } from "react";
import type { PaneApi, ValidationOutcome } from "./api";

export type ValidationPhase =
  | { phase: "idle" }
  | { phase: "reading"; done?: number; total?: number }
  | { phase: "checking" }
  | { phase: "done"; outcome: ValidationOutcome }
  | { phase: "failed"; code: string };

/** Findings are kept language-free (ids): a language switch re-words them on render, with no new check. */
export function useValidation(api: PaneApi) {
  const [state, setState] = useState<ValidationPhase>({ phase: "idle" });
  const running = useRef<Promise<void> | null>(null);

  const run = useCallback((): Promise<void> => {
    // One run at a time: a second click (or the ribbon) joins the running one.
    running.current ??= (async () => {
      setState({ phase: "reading" });
      try {
        const outcome = await api.validate((p) => {
          if (p.phase === "data") setState({ phase: "reading", done: p.done, total: p.total });
          else if (p.phase === "checking") setState({ phase: "checking" });
        });
        setState({ phase: "done", outcome });
      } catch (err) {
        const code = (err as { code?: unknown } | null)?.code;
        console.warn("Plankoll: validation failed", err);
        setState({ phase: "failed", code: typeof code === "string" ? code : "unknown" });
      } finally {
        running.current = null;
      }
    })();
    return running.current;
  }, [api]);

  return { state, run };
}
