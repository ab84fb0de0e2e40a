/** Which plan is active, and the way to switch: embedded default, a plan file, the workbook's plan, import. */
import { useRef } from "react";
import {
  Button,
  Caption1,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { usePane } from "../context";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  caption: { color: tokens.colorNeutralForeground3 },
});

export function PlanHeader({ onImport }: { onImport?: () => void }) {
  const { api, s, active, confirm, notify } = usePane();
  const fileInput = useRef<HTMLInputElement>(null);
  const styles = useStyles();
  const plan = active.plan;

  const replaceStoredOk = async () =>
    active.source !== "workbook" && !api.hasStoredPlan() ? true : confirm(s.replaceStoredPlan);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (!(await replaceStoredOk())) return;
    const result = await api.usePlanFile(file);
    if (result.ok)
      notify(result.stored ? "success" : "warning", result.stored ? s.planStored : s.planStoredFailed);
    else if (result.reason === "invalid") notify("error", s.planFileInvalid(result.problem));
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
    <header className={styles.root} aria-label={s.activePlan}>
      <div className={styles.text}>
        <Subtitle2 as="h1">
          {plan.organisation} · {plan.year}
        </Subtitle2>
        <Caption1>{plan.title}</Caption1>
        <Caption1 className={styles.caption} data-testid="plan-source">
          {s.sourceLine(s.source[active.source], active.detail)}
        </Caption1>
      </div>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" appearance="secondary">
            {s.changePlan}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => void onEmbedded()} disabled={active.source === "embedded"}>
              {s.useEmbedded}
            </MenuItem>
            <MenuItem onClick={() => fileInput.current?.click()}>{s.useFile}</MenuItem>
            <MenuItem
              onClick={() => void onStored()}
              disabled={!api.hasStoredPlan() || active.source === "workbook"}
            >
              {s.useStored}
            </MenuItem>
            {onImport && <MenuItem onClick={onImport}>{s.importPlan}</MenuItem>}
          </MenuList>
        </MenuPopover>
      </Menu>
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
