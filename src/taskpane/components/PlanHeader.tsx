/** Which plan is active, and the way to switch: embedded default, a plan file, the workbook's plan, import. */
import { useId, useRef, useState } from "react";
import { Button, Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { usePane } from "../context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  caption: { color: tokens.colorNeutralForeground3 },
  wrap: {
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  choices: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
  choice: { justifyContent: "flex-start" },
  change: { flexShrink: 0, whiteSpace: "nowrap" },
});

export function PlanHeader({ onImport }: { onImport?: () => void }) {
  const { api, s, lang, active, confirm, notify } = usePane();
  const fileInput = useRef<HTMLInputElement>(null);
  const styles = useStyles();
  const plan = active.plan;
  // A disclosure, not a Menu: no popup positioning code in the first view's bundle.
  const [open, setOpen] = useState(false);
  const choicesId = useId();
  const choose = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };

  const replaceStoredOk = async () =>
    active.source !== "workbook" && !api.hasStoredPlan() ? true : confirm(s.replaceStoredPlan);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (!(await replaceStoredOk())) return;
    const result = await api.usePlanFile(file, lang);
    if (result.ok)
      notify(result.stored ? "success" : "warning", result.stored ? s.planStored : s.planStoredFailed);
    else if (result.reason === "invalid") notify("error", result.problem);
  };

  const onEmbedded = async () => {
    if (active.source === "embedded") return;
    if (!(await replaceStoredOk())) return;
    await api.useEmbeddedPlan();
    notify("info", s.planEmbedded);
  };

  const onStored = async () => {
    const status = await api.loadStoredPlan();
    notify(
      status === "loaded" ? "info" : "warning",
      status === "loaded" ? s.storedPlanLoaded : s.storedPlanInvalid,
    );
  };

  return (
    <header className={styles.wrap} aria-label={s.activePlan}>
      <div className={styles.root}>
        <div className={styles.text}>
          <Subtitle2 as="h1">
            {plan.organisation} · {plan.year}
          </Subtitle2>
          <Caption1>{plan.title}</Caption1>
          <Caption1 className={styles.caption} data-testid="plan-source">
            {s.sourceLine(s.source[active.source], active.detail)}
          </Caption1>
        </div>
        <Button
          size="small"
          appearance="secondary"
          className={styles.change}
          aria-expanded={open}
          aria-controls={choicesId}
          onClick={() => setOpen((o) => !o)}
          data-testid="change-plan"
        >
          {s.changePlan}
        </Button>
      </div>
      {open && (
        <div id={choicesId} className={styles.choices} role="group" aria-label={s.changePlan}>
          <Button
            className={styles.choice}
            size="small"
            appearance="subtle"
            disabled={active.source === "embedded"}
            onClick={choose(() => void onEmbedded())}
          >
            {s.useEmbedded}
          </Button>
          <Button
            className={styles.choice}
            size="small"
            appearance="subtle"
            onClick={choose(() => fileInput.current?.click())}
          >
            {s.useFile}
          </Button>
          <Button
            className={styles.choice}
            size="small"
            appearance="subtle"
            disabled={!api.hasStoredPlan() || active.source === "workbook"}
            onClick={choose(() => void onStored())}
          >
            {s.useStored}
          </Button>
          {onImport && (
            <Button className={styles.choice} size="small" appearance="subtle" onClick={choose(onImport)}>
              {s.importPlan}
            </Button>
          )}
        </div>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={s.useFile}
        data-testid="plan-file-input"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </header>
  );
}
