/** The validation state lives in the shell, so results survive switching tabs and the ribbon can start a run. */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang } from "../plan/i18n";
import type { PaneApi, ValidationOutcome } from "./api";

export type ValidationPhase =
  | { phase: "idle" }
  | { phase: "reading"; done?: number; total?: number }
  | { phase: "checking" }
  | { phase: "done"; outcome: ValidationOutcome }
  | { phase: "failed"; code: string };

export function useValidation(api: PaneApi, lang: Lang) {
  const [state, setState] = useState<ValidationPhase>({ phase: "idle" });
  const running = useRef<Promise<void> | null>(null);
  const langRef = useRef(lang);
  langRef.current = lang;

  const run = useCallback((): Promise<void> => {
    // One run at a time: a second click (or the ribbon) joins the running one.
    running.current ??= (async () => {
      setState({ phase: "reading" });
      try {
        const outcome = await api.validate(langRef.current, (p) => {
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

  // Another language: the same workbook's findings in that language (no new read of the workbook).
  const shownLang = useRef(lang);
  useEffect(() => {
    if (shownLang.current === lang) return;
    shownLang.current = lang;
    if (state.phase !== "done") return;
    void api.recheck(lang).then((outcome) => {
      if (outcome) setState((s) => (s.phase === "done" ? { phase: "done", outcome } : s));
    });
  }, [api, lang, state.phase]);

  return { state, run };
}
