/** Goals: search and browse by area with their values; "Infoga formel" and "Infoga mål". */
import { useEffect, useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1Strong,
  Button,
  Caption1,
  CounterBadge,
  Field,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SearchBox,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { GoalFormulaKind } from "../../excel";
import type { Goal, PeriodValue } from "../../plan/schema";
import { foldText } from "../../plan/text";
import { usePane } from "../context";
import { failureText, withConfirmation } from "../describe";
import type { Strings } from "../strings";
import { goalArea } from "../wiring";

const useStyles = makeStyles({
  // The search field shrinks (it had a fixed ~219 px and covered the button at 320 px); below ~300 px the
  // button wraps under it instead of overlapping.
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-end",
    marginBottom: tokens.spacingVerticalS,
  },
  search: { flexGrow: 1, flexShrink: 1, flexBasis: "140px", minWidth: 0 },
  searchBox: { width: "100%", minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  insert: { flexShrink: 0, whiteSpace: "nowrap" },
  count: { color: tokens.colorNeutralForeground3, display: "block", marginBottom: tokens.spacingVerticalXS },
  headerText: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, width: "100%" },
  headerLabel: { flexGrow: 1, textAlign: "start" },
  list: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  goal: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  values: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXS} 0`,
  },
  value: { display: "flex", flexDirection: "column" },
  label: { color: tokens.colorNeutralForeground3 },
  figure: { fontVariantNumeric: "tabular-nums" },
  actions: { display: "flex", justifyContent: "flex-end" },
  more: { marginTop: tokens.spacingVerticalL, display: "flex", justifyContent: "flex-start" },
});

function figure(goal: Goal, v: PeriodValue | undefined, s: Strings): string {
  if (!v) return s.noValue;
  if (v.value === null) return v.note ?? s.noValue;
  return goal.unit === "percent" ? s.percent(v.value) : s.num(v.value);
}

function valueOf(goal: Goal, period: number, kind: "target" | "outcome") {
  return goal.values.find((v) => v.period === period && v.kind === kind);
}

export default function GoalsView() {
  const { api, s, lang, active, notify, confirm, markReady, popupLayer } = usePane();
  const styles = useStyles();
  const plan0 = active.plan.goals[0];
  const [query, setQuery] = useState("");
  // The first area starts open so the values are visible at once.
  const [open, setOpen] = useState<string[]>(() => (plan0 ? [goalArea(plan0)] : []));
  const [busy, setBusy] = useState(false);
  const plan = active.plan;
  const year = plan.year;

  useEffect(markReady, [markReady]);

  const shown = useMemo(() => {
    const q = foldText(query);
    if (!q) return plan.goals;
    const terms = q.split(" ");
    return plan.goals.filter((g) => {
      const hay = foldText(`${g.title} ${g.area.join(" ")} ${g.id}`);
      return terms.every((t) => hay.includes(t));
    });
  }, [plan, query]);

  const groups = useMemo(() => {
    const map = new Map<string, Goal[]>();
    for (const g of shown) {
      const area = goalArea(g);
      map.set(area, [...(map.get(area) ?? []), g]);
    }
    return [...map];
  }, [shown]);

  const searching = query.trim() !== "";
  const openItems = searching ? groups.map(([area]) => area) : open;

  const insertFormula = async (goal: Goal, kind: GoalFormulaKind) => {
    setBusy(true);
    try {
      const result = await withConfirmation(
        (confirmed) => api.insertFormula(goal, kind, confirmed),
        confirm,
        (r) => s.overwriteCells(r.address),
      );
      if (!result) return;
      if (result.ok) notify("success", s.insertedFormula(result.address));
      else notify("error", failureText(result, s));
    } finally {
      setBusy(false);
    }
  };

  const insertTable = async (where: "new-sheet" | "selection") => {
    setBusy(true);
    try {
      const result = await withConfirmation(
        (confirmed) => api.insertGoalsTable(shown, where, lang, confirmed),
        confirm,
        (r) => s.overwriteCells(r.address, r.nonEmpty),
      );
      if (!result) return;
      if (result.ok) notify("success", s.insertedTable(result.sheet, result.address));
      else notify("error", failureText(result, s));
    } finally {
      setBusy(false);
    }
  };

  const shortNames = async () => {
    const result = await api.defineShortNames();
    if (result.ok) notify("success", s.shortNamesDone);
    else notify(result.reason === "names-exist" ? "warning" : "error", failureText(result, s));
  };

  return (
    <section aria-label={s.tabGoals} data-testid="goals-view">
      <div className={styles.toolbar}>
        <Field label={s.searchGoals} className={styles.search}>
          <SearchBox
            className={styles.searchBox}
            value={query}
            placeholder={s.searchPlaceholder}
            onChange={(_e, d) => setQuery(d.value)}
            data-testid="goal-search"
          />
        </Field>
        <Menu mountNode={popupLayer} positioning="below-end">
          <MenuTrigger disableButtonEnhancement>
            <Button
              appearance="primary"
              className={styles.insert}
              disabled={busy || shown.length === 0}
              data-testid="insert-goals"
            >
              {s.insertGoals}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void insertTable("new-sheet")} data-testid="insert-goals-new-sheet">
                {s.insertGoalsNewSheet}
              </MenuItem>
              <MenuItem onClick={() => void insertTable("selection")} data-testid="insert-goals-selection">
                {s.insertGoalsAtSelection}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <Caption1 className={styles.count} aria-live="polite">
        {s.goalsCount(shown.length, plan.goals.length)}
      </Caption1>
      {shown.length === 0 && <Text>{s.noGoalsMatch}</Text>}
      <Accordion
        multiple
        collapsible
        openItems={openItems}
        onToggle={(_e, d) => !searching && setOpen(d.openItems as string[])}
      >
        {groups.map(([area, goals]) => (
          <AccordionItem key={area} value={area}>
            <AccordionHeader size="small">
              <span className={styles.headerText}>
                <span className={styles.headerLabel}>{area}</span>
                <CounterBadge count={goals.length} size="small" appearance="ghost" color="informative" />
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {goals.map((g) => {
                  const outcome = valueOf(g, year - 1, "outcome");
                  return (
                    <li key={g.id} className={styles.goal} data-testid="goal">
                      <Body1Strong>{g.title}</Body1Strong>
                      <div className={styles.values}>
                        <div className={styles.value}>
                          <Caption1 className={styles.label}>{s.target(year - 1)}</Caption1>
                          <Text className={styles.figure}>
                            {figure(g, valueOf(g, year - 1, "target"), s)}
                          </Text>
                        </div>
                        <div className={styles.value}>
                          <Caption1 className={styles.label}>
                            {outcome?.asOf ? s.outcomeAsOf(outcome.asOf) : s.outcome(year - 1)}
                          </Caption1>
                          <Text className={styles.figure}>{figure(g, outcome, s)}</Text>
                        </div>
                        <div className={styles.value}>
                          <Caption1 className={styles.label}>{s.target(year)}</Caption1>
                          <Text className={styles.figure}>{figure(g, valueOf(g, year, "target"), s)}</Text>
                        </div>
                      </div>
                      <div className={styles.actions}>
                        <Menu mountNode={popupLayer} positioning="below-end">
                          <MenuTrigger disableButtonEnhancement>
                            <Button
                              size="small"
                              disabled={busy}
                              aria-label={s.insertFormulaFor(g.title)}
                              data-testid="insert-formula"
                            >
                              {s.insertFormula}
                            </Button>
                          </MenuTrigger>
                          <MenuPopover>
                            <MenuList>
                              <MenuItem
                                onClick={() => void insertFormula(g, "target")}
                                data-testid="insert-formula-target"
                              >
                                {s.formulaTarget(year)}
                              </MenuItem>
                              <MenuItem
                                onClick={() => void insertFormula(g, "outcome")}
                                data-testid="insert-formula-outcome"
                              >
                                {s.formulaOutcome(year - 1, outcome?.asOf)}
                              </MenuItem>
                              <MenuItem
                                onClick={() => void insertFormula(g, "achieved")}
                                data-testid="insert-formula-achieved"
                              >
                                {s.formulaAchieved(year - 1, outcome?.asOf)}
                              </MenuItem>
                            </MenuList>
                          </MenuPopover>
                        </Menu>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <div className={styles.more}>
        <Button appearance="subtle" size="small" onClick={() => void shortNames()}>
          {s.shortNames}
        </Button>
      </div>
    </section>
  );
}
