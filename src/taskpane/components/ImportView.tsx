/** Import a plan (PDF, text, JSON or the Plan table), review what was found and the diff, then use it. */
import { useEffect, useRef, useState } from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { lossText } from "../../plan/content";
import type { ImportOutcome, ImportReview } from "../api";
import { usePane } from "../context";
import { failureText } from "../describe";
import { describeTable } from "../../i18n/describeTable";

const LIST_LIMIT = 8;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  review: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  counts: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
  },
  count: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  subheading: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    color: tokens.colorNeutralForeground2,
    display: "block",
  },
  diff: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  dd: { margin: 0 },
  read: { margin: 0, fontSize: tokens.fontSizeBase100, whiteSpace: "pre-wrap", overflowX: "auto" },
});

function List({ items, more }: { items: React.ReactNode[]; more: (n: number) => string }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, LIST_LIMIT);
  return (
    <>
      <ul className={styles.list}>
        {shown.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      {!all && items.length > LIST_LIMIT && (
        <Button size="small" appearance="subtle" onClick={() => setAll(true)}>
          {more(items.length - LIST_LIMIT)}
        </Button>
      )}
    </>
  );
}

/** A heading and its list, only where there is something to list. */
function Section({ title, items, more }: { title: string; items: string[]; more: (n: number) => string }) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <>
      <Caption1 as="h4" className={styles.subheading}>
        {title}
      </Caption1>
      <List
        more={more}
        items={items.map((t) => (
          <Text size={200}>{t}</Text>
        ))}
      />
    </>
  );
}

function Review({ review, onUse, onDiscard }: { review: ImportReview; onUse(): void; onDiscard(): void }) {
  const { s, lang } = usePane();
  const styles = useStyles();
  const { diff, plan } = review;
  const unitOf = new Map(plan.goals.map((g) => [g.id, g.unit]));
  const show = (id: string, v: number | null) =>
    v === null ? s.noValue : unitOf.get(id) === "percent" ? s.percent(v) : s.num(v);
  const amount = (v: number | null) => (v === null ? s.noValue : s.num(v));
  const valueChanges = diff.goals.changed.flatMap((c) =>
    c.values.map((v) => s.valueChange(c.new.title, v.period, show(c.new.id, v.old), show(c.new.id, v.new))),
  );
  const budget = diff.budget.changed.map((c) =>
    s.budgetChange(c.line, c.measure, amount(c.old), amount(c.new)),
  );
  const headline = [
    diff.targetsChanged > 0 && s.reviewTargetsChanged(diff.targetsChanged),
    diff.goals.added.length > 0 && s.reviewGoalsAdded(diff.goals.added.length),
    diff.goals.removed.length > 0 && s.reviewGoalsRemoved(diff.goals.removed.length),
    diff.budget.changed.length > 0 && s.reviewBudgetChanged(diff.budget.changed.length),
    diff.commitments.removed.length > 0 && s.diffCommitmentsRemoved(diff.commitments.removed.length),
    diff.commitments.added.length > 0 && s.diffCommitmentsAdded(diff.commitments.added.length),
  ].filter((x): x is string => typeof x === "string");
  return (
    <section className={styles.review} aria-label={s.reviewTitle(review.source)} data-testid="import-review">
      <Subtitle2 as="h2" className={styles.heading}>
        {s.reviewTitle(review.source)}
      </Subtitle2>
      <Text>
        {plan.organisation} – {plan.title} ({plan.year})
      </Text>
      {review.losses.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="import-losses">
          <MessageBarBody>
            {s.reviewLosses}
            <ul className={styles.list}>
              {review.losses.map((l) => (
                <li key={l.part}>{lossText(l, lang, s.num)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1Strong as="h3" className={styles.heading}>
        {s.reviewFound}
      </Body1Strong>
      <dl className={styles.counts} data-testid="import-counts">
        {review.counts.map((c) => (
          <div key={c.part} style={{ display: "contents" }}>
            <dt>{c.label}</dt>
            <dd className={mergeClasses(styles.count, styles.dd)}>{s.num(c.count)}</dd>
          </div>
        ))}
      </dl>
      {review.warnings.length > 0 && (
        <>
          <Body1Strong as="h3" className={styles.heading}>
            {s.reviewWarnings(review.warnings.length)}
          </Body1Strong>
          <List
            more={s.showMore}
            items={review.warnings.map((w) => (
              <Text size={200}>
                {w.page ? <span className={styles.muted}>{s.where(w.page, null, null)}: </span> : null}
                {s.message(w)}
              </Text>
            ))}
          />
        </>
      )}
      {review.findings.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="import-findings">
          <MessageBarBody>
            {s.reviewFindings(review.findings.length)}
            <List
              more={s.showMore}
              items={review.findings.map((f) => (
                <Text size={200}>
                  <span className={styles.muted}>{s.where(f.page, f.row, f.column)}: </span>
                  {s.message(f)}
                </Text>
              ))}
            />
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Caption1>{s.reviewNoFindings}</Caption1>
      )}
      {review.readTables
        .map((table) => describeTable(table, lang))
        .map((t) => (
          <details key={t.heading} data-testid="import-read-table">
            <summary>
              <Text size={200}>{s.howRead(t.heading)}</Text>
            </summary>
            <pre className={styles.read}>{[...t.columns, ...t.rows, ...t.notes].join("\n")}</pre>
          </details>
        ))}
      <Body1Strong as="h3" className={styles.heading}>
        {s.reviewDiff}
      </Body1Strong>
      {diff.same ? (
        <Text data-testid="import-diff">{s.reviewSame}</Text>
      ) : (
        <div data-testid="import-diff" className={styles.diff}>
          <ul className={styles.list}>
            {headline.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          <Section
            title={s.reviewTargetsChanged(diff.targetsChanged)}
            items={valueChanges}
            more={s.showMore}
          />
          <Section title={s.diffGoalsAdded} items={diff.goals.added.map((g) => g.title)} more={s.showMore} />
          <Section
            title={s.diffGoalsRemoved}
            items={diff.goals.removed.map((g) => g.title)}
            more={s.showMore}
          />
          <Section title={s.diffBudget} items={budget} more={s.showMore} />
          <Section title={s.diffTablesRemoved} items={diff.budget.tablesRemoved} more={s.showMore} />
          <Section
            title={s.diffLinesRemoved}
            items={diff.budget.linesRemoved.map((l) => `${l.line} (${l.table})`)}
            more={s.showMore}
          />
          <Section
            title={s.diffLinesAdded}
            items={diff.budget.linesAdded.map((l) => `${l.line} (${l.table})`)}
            more={s.showMore}
          />
          <Section
            title={s.diffCommitmentsRemoved(diff.commitments.removed.length)}
            items={diff.commitments.removed}
            more={s.showMore}
          />
          <Section
            title={s.diffCommitmentsAdded(diff.commitments.added.length)}
            items={diff.commitments.added}
            more={s.showMore}
          />
        </div>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onUse} data-testid="import-use">
          {s.useImported}
        </Button>
        <Button onClick={onDiscard}>{s.discardImport}</Button>
      </div>
    </section>
  );
}

export default function ImportView({ onDone }: { onDone(): void }) {
  const { api, s, lang, notify, confirm, markReady } = usePane();
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [review, setReview] = useState<ImportReview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(markReady, [markReady]);

  const run = async (fn: () => Promise<ImportOutcome>) => {
    setBusy(true);
    setError(null);
    setReview(null);
    try {
      const outcome = await fn();
      if (outcome.ok) setReview(outcome.review);
      else setError(outcome.message);
    } finally {
      setBusy(false);
    }
  };

  const onFile = (file: File | undefined) => {
    if (!file) return;
    void run(() =>
      api.importFile({ name: file.name, bytes: async () => new Uint8Array(await file.arrayBuffer()) }, lang),
    );
  };

  const createTable = async () => {
    const result = await api.createPlanTable();
    // What went wrong before (no Plan table) is no longer true.
    if (result.ok) setError(null);
    if (result.ok) notify("success", s.planTableCreated(result.sheet));
    else notify("warning", result.reason === "names-exist" ? s.planTableExists : failureText(result, s));
  };

  const use = async () => {
    if (!review) return;
    // A thinner plan than the active one loses goals, åtaganden or budget figures: say which and ask.
    if (
      review.losses.length > 0 &&
      !(await confirm(s.confirmLosses(review.losses.map((l) => lossText(l, lang, s.num)))))
    )
      return;
    const result = await api.usePlan(review.plan, "import", review.source);
    if (result.ok)
      notify(result.stored ? "success" : "warning", result.stored ? s.planStored : s.planStoredFailed);
    setReview(null);
    onDone();
  };

  return (
    <section className={styles.root} aria-label={s.importTitle} data-testid="import-view">
      <Subtitle2 as="h2" className={styles.heading}>
        {s.importTitle}
      </Subtitle2>
      <Text className={styles.intro}>{s.importIntro}</Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
          {s.importChooseFile}
        </Button>
        <Button disabled={busy} onClick={() => void run(() => api.importFromPlanTable(lang))}>
          {s.importFromTable}
        </Button>
        <Button appearance="subtle" disabled={busy} onClick={() => void createTable()}>
          {s.createPlanTable}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".pdf,.txt,.json,application/pdf,text/plain,application/json"
          hidden
          aria-label={s.importChooseFile}
          data-testid="import-file-input"
          onChange={(e) => {
            onFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </div>
      {busy && <Spinner size="small" label={s.importing} />}
      {error && (
        <MessageBar intent="error" data-testid="import-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {review && <Review review={review} onUse={() => void use()} onDiscard={() => setReview(null)} />}
    </section>
  );
}
