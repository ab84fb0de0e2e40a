/** Validation: progress while reading, findings by sheet and severity, click → cell, highlight, report. */
import { useEffect, useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../../model/types";
import type { ReadNotice } from "../../excel";
import { usePane } from "../context";
import { failureText, findingDetail, withConfirmation } from "../describe";
import { groupFindings, type FindingItem } from "../findingGroups";
import type { Strings } from "../strings";
import type { ValidationPhase } from "../useValidation";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  top: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalM,
  },
  summary: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  headerText: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, width: "100%" },
  headerLabel: { flexGrow: 1, textAlign: "start", overflow: "hidden", textOverflow: "ellipsis" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    width: "100%",
    textAlign: "start",
    height: "auto",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  findingTop: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground3 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  intro: { color: tokens.colorNeutralForeground2 },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeftWidth: "2px",
    borderLeftStyle: "solid",
    borderLeftColor: tokens.colorNeutralStroke2,
  },
  groupToggle: { alignSelf: "flex-start", minWidth: 0, paddingLeft: 0, paddingRight: 0 },
});

function noticeText(n: ReadNotice, s: Strings): string {
  switch (n.kind) {
    case "empty-workbook":
      return s.emptyWorkbook;
    case "huge-sheet":
      return s.hugeSheet(n.sheet, n.cells, n.limit);
    case "protected-sheet":
      return s.protectedSheet(n.sheet);
    case "merged-areas-unsupported":
      return s.mergedUnsupported;
  }
}

/** One finding: its severity, cell, message and what was expected; a click goes to the cell. */
function FindingCard({
  f,
  selected,
  onSelect,
}: {
  f: Finding;
  selected: boolean;
  onSelect(f: Finding): void;
}) {
  const { s } = usePane();
  const styles = useStyles();
  const detail = findingDetail(f, s);
  return (
    <Button
      appearance="subtle"
      // mergeClasses, not a joined string: Griffel reports two makeStyles classes joined by hand as an error.
      className={mergeClasses(styles.finding, selected && styles.selected)}
      onClick={() => onSelect(f)}
      aria-label={`${s.severity[f.severity]}: ${s.message(f)}. ${f.sheet && f.cell ? s.goToCell(f.sheet, f.cell) : ""}`}
      aria-current={selected ? "true" : undefined}
      data-testid="finding"
      data-cell={f.cell ?? ""}
      data-sheet={f.sheet ?? ""}
      data-rule={f.rule}
    >
      <span className={styles.findingTop}>
        <Badge size="small" color={BADGE_COLOR[f.severity]} appearance="tint">
          {s.severity[f.severity]}
        </Badge>
        <span className={styles.cell}>{f.cell}</span>
      </span>
      <Text size={200}>{s.message(f)}</Text>
      {detail && <Caption1 className={styles.detail}>{detail}</Caption1>}
    </Button>
  );
}

/** Many alike findings in one column: one line saying so, expanded on request to the single findings. */
function FindingGroup({
  item,
  selected,
  onSelect,
}: {
  item: Extract<FindingItem, { kind: "group" }>;
  selected: Finding | null;
  onSelect(f: Finding): void;
}) {
  const { s } = usePane();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.group} data-testid="finding-group" data-count={item.findings.length}>
      <span className={styles.findingTop}>
        <Badge size="small" color={BADGE_COLOR[item.severity]} appearance="tint">
          {s.severity[item.severity]}
        </Badge>
        <Text size={200}>
          {s.findingGroup(item.findings.length, s.ruleName[item.rule], item.column, item.range)}
        </Text>
      </span>
      <Text size={200} className={styles.detail}>
        {s.message(item.findings[0])}
      </Text>
      <Button
        size="small"
        appearance="transparent"
        className={styles.groupToggle}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="finding-group-toggle"
      >
        {open ? s.hideGroup : s.showGroup(item.findings.length)}
      </Button>
      {open && (
        <ul className={styles.list}>
          {item.findings.map((f, i) => (
            <li key={`${f.cell}-${i}`}>
              <FindingCard f={f} selected={selected === f} onSelect={onSelect} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default function ValidationView({ state, run }: { state: ValidationPhase; run: () => Promise<void> }) {
  const { api, s, lang, notify, confirm, markReady } = usePane();
  const styles = useStyles();
  const [selected, setSelected] = useState<Finding | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string[] | null>(null);

  useEffect(markReady, [markReady]);

  // Highlights from an earlier session (the record is in the workbook): offer to clear them at once.
  const [leftover, setLeftover] = useState(false);
  useEffect(() => {
    let live = true;
    void api.hasHighlights().then(
      (has) => live && setLeftover(has),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const outcome = state.phase === "done" ? state.outcome : null;
  const running = state.phase === "reading" || state.phase === "checking";

  const bySheet = useMemo(() => {
    if (!outcome) return [];
    const order = new Map(outcome.sheets.map((name, i) => [name, i]));
    const groups = new Map<string, Finding[]>();
    for (const f of outcome.findings) {
      const key = f.sheet ?? "";
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    return [...groups]
      .sort((a, b) => (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9))
      .map(([sheet, list]) => ({
        sheet,
        findings: [...list].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)),
        counts: Object.fromEntries(
          SEVERITIES.map((sv) => [sv, list.filter((f) => f.severity === sv).length]),
        ) as Record<Severity, number>,
      }));
  }, [outcome]);

  useEffect(() => setOpen(null), [outcome]);
  const openItems = open ?? bySheet.map((g) => g.sheet);

  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of outcome?.findings ?? []) c[f.severity]++;
    return c;
  }, [outcome]);

  const progressText =
    state.phase === "reading"
      ? state.total
        ? s.readingData(state.done ?? 0, state.total)
        : s.reading
      : state.phase === "checking"
        ? s.checking
        : "";
  const progressValue =
    state.phase === "reading" && state.total ? (state.done ?? 0) / Math.max(1, state.total) : undefined;

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };

  const select = (f: Finding) =>
    act(async () => {
      setSelected(f);
      const result = await api.selectFinding(f);
      if (!result.ok) notify("warning", failureText(result, s));
    });

  const highlight = () =>
    act(async () => {
      if (!outcome) return;
      const result = await api.highlight(outcome.findings);
      if (result.ok) {
        notify("success", s.highlighted(result.cells));
        if (result.skippedProtected.length) notify("warning", s.highlightSkipped(result.skippedProtected));
      } else notify(result.reason === "nothing" ? "info" : "error", failureText(result, s));
    });

  const clear = () =>
    act(async () => {
      const result = await api.clearHighlights();
      setLeftover(false);
      if (result.ok) {
        notify("success", s.cleared(result.cells));
        if (result.missing) notify("warning", s.clearedMissing(result.missing));
        if (result.kept) notify("info", s.clearedKept(result.kept));
      } else notify("info", result.reason === "nothing" ? s.nothingToClear : failureText(result, s));
    });

  const report = () =>
    act(async () => {
      if (!outcome) return;
      const result = await withConfirmation(
        (confirmed) => api.writeReport(outcome.findings, lang, confirmed),
        confirm,
        () => s.replaceReport("Plankoll-rapport"),
      );
      if (!result) return;
      if (result.ok) notify("success", s.reportCreated(result.sheet));
      else notify("error", failureText(result, s));
    });

  return (
    <section aria-label={s.tabValidation} data-testid="validation-view" aria-busy={running}>
      <div className={styles.top}>
        {state.phase === "idle" && <Text className={styles.intro}>{s.notValidated}</Text>}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void run()} disabled={running} data-testid="validate">
            {outcome ? s.validateAgain : s.validate}
          </Button>
          {!outcome && leftover && (
            <Button disabled={busy} onClick={() => void clear()} data-testid="clear-leftover">
              {s.clearHighlights}
            </Button>
          )}
        </div>
        {running && (
          <Field validationMessage={progressText} validationState="none">
            <ProgressBar value={progressValue} thickness="large" aria-label={progressText} />
          </Field>
        )}
        {state.phase === "failed" && (
          <MessageBar intent="error">
            <MessageBarBody>{s.readFailed(state.code)}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.notices.map((n, i) => (
          <MessageBar
            key={i}
            intent={n.kind === "empty-workbook" ? "info" : "warning"}
            data-testid="read-notice"
          >
            <MessageBarBody>{noticeText(n, s)}</MessageBarBody>
          </MessageBar>
        ))}
        {outcome && (
          <>
            <div className={styles.summary} data-testid="summary" aria-live="polite">
              {SEVERITIES.map((sv) => (
                <Badge key={sv} color={BADGE_COLOR[sv]} appearance={counts[sv] ? "filled" : "tint"}>
                  {`${s.severityPlural[sv]}: ${s.num(counts[sv])}`}
                </Badge>
              ))}
              <Caption1 className={styles.detail}>
                {s.summary(counts.error, counts.warning, counts.info)}
              </Caption1>
            </div>
            <div className={styles.actions}>
              <Button
                size="small"
                disabled={busy || outcome.findings.length === 0}
                onClick={() => void highlight()}
              >
                {s.highlight}
              </Button>
              <Button size="small" disabled={busy} onClick={() => void clear()}>
                {s.clearHighlights}
              </Button>
              <Button size="small" disabled={busy} onClick={() => void report()}>
                {s.createReport}
              </Button>
            </div>
          </>
        )}
        {outcome && outcome.findings.length === 0 && <Text data-testid="no-findings">{s.noFindings}</Text>}
      </div>
      {outcome && (
        <Accordion
          multiple
          collapsible
          openItems={openItems}
          onToggle={(_e, d) => setOpen(d.openItems as string[])}
        >
          {bySheet.map((group) => (
            <AccordionItem key={group.sheet} value={group.sheet} data-testid="sheet-group">
              <AccordionHeader size="small">
                <span className={styles.headerText}>
                  <span className={styles.headerLabel}>{group.sheet}</span>
                  {SEVERITIES.filter((sv) => group.counts[sv] > 0).map((sv) => (
                    <Badge
                      key={sv}
                      size="small"
                      shape="circular"
                      color={BADGE_COLOR[sv]}
                      aria-label={`${s.severityPlural[sv]}: ${group.counts[sv]}`}
                    >
                      {group.counts[sv]}
                    </Badge>
                  ))}
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {groupFindings(group.findings).map((item, i) => (
                    <li
                      key={
                        item.kind === "one" ? `${item.finding.rule}-${item.finding.cell}-${i}` : item.range
                      }
                    >
                      {item.kind === "one" ? (
                        <FindingCard
                          f={item.finding}
                          selected={selected === item.finding}
                          onSelect={(f) => void select(f)}
                        />
                      ) : (
                        <FindingGroup item={item} selected={selected} onSelect={(f) => void select(f)} />
                      )}
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
