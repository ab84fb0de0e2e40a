/**
 * The pane's shell: plan header, tabs, messages, the confirmation dialog and the language switch.
 * Views are loaded lazily (React.lazy) so the first paint needs little JavaScript.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { LOCALES } from "../../i18n/locale";
import type { Lang } from "../../plan/i18n";
import type { PaneApi, PaneController } from "../api";
import { type Notice, type NoticeIntent, PaneContext, type PaneTools } from "../context";
import { stringsFor } from "../strings";
import { useValidation } from "../useValidation";
import { PlanHeader } from "./PlanHeader";

const GoalsView = lazy(() => import(/* webpackChunkName: "goals" */ "./GoalsView"));
const ValidationView = lazy(() => import(/* webpackChunkName: "validation" */ "./ValidationView"));
const ImportView = lazy(() => import(/* webpackChunkName: "importview" */ "./ImportView"));
const ConfirmDialog = lazy(() => import(/* webpackChunkName: "confirm" */ "./ConfirmDialog"));

export type TabId = "goals" | "validation" | "import";

const useStyles = makeStyles({
  provider: { height: "100%" },
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: "280px" },
  tabs: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: { flexGrow: 1, overflowY: "auto", padding: tokens.spacingHorizontalM },
  notices: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} 0`,
  },
  footer: {
    display: "flex",
    alignItems: "center",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  spinner: { marginTop: tokens.spacingVerticalXXL },
});

export interface AppProps {
  api: PaneApi;
  controller?: PaneController;
  /** Offer the plan import view (issue 6). */
  importEnabled?: boolean;
}

let noticeId = 0;

const GRAVITY: NoticeIntent[] = ["success", "info", "warning", "error"];
const graver = (a: NoticeIntent, b: NoticeIntent) => (GRAVITY.indexOf(a) >= GRAVITY.indexOf(b) ? a : b);

/** A click that starts something: a button, a menu item or a tab (not text, not the grid of a list). */
const isAction = (target: EventTarget | null) =>
  target instanceof Element &&
  target.closest('button, [role="menuitem"], [role="tab"], input[type="file"]') !== null;

export function App({ api, controller, importEnabled = true }: AppProps) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>(api.initialLang);
  const s = stringsFor(lang);
  const [tab, setTab] = useState<TabId>("goals");
  const [active, setActive] = useState(api.getActivePlan());
  const [notices, setNotices] = useState<Notice[]>([]);
  const [ask, setAsk] = useState<{ text: string; resolve: (ok: boolean) => void } | null>(null);
  const [ready, setReady] = useState(false);
  const validation = useValidation(api);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => api.onActivePlanChange(setActive), [api]);

  // One message at a time: a new one replaces the last; what one action says at once ("12 celler är
  // markerade." and "Skyddade blad …") is one message, with the gravest intent.
  const batch = useRef<Notice | null>(null);
  const notify = useCallback((intent: NoticeIntent, text: string) => {
    const last = batch.current;
    const notice: Notice = last
      ? { id: last.id, intent: graver(last.intent, intent), text: `${last.text} ${text}` }
      : { id: ++noticeId, intent, text };
    if (!last) setTimeout(() => (batch.current = null), 0);
    batch.current = notice;
    setNotices([notice]);
  }, []);
  // The next action dismisses the message: a click on any button, a tab or the language.
  const dismissAll = useCallback(() => {
    batch.current = null;
    setNotices([]);
  }, []);

  const confirm = useCallback(
    (text: string) => new Promise<boolean>((resolve) => setAsk({ text, resolve })),
    [],
  );

  // The plan stored in the workbook wins over the embedded default.
  useEffect(() => {
    void api.loadStoredPlan().then((status) => {
      const t = stringsFor(api.initialLang);
      if (status === "loaded") notify("info", t.storedPlanLoaded);
      if (status === "invalid") notify("warning", t.storedPlanInvalid);
    });
  }, [api, notify]);

  // The ribbon's "Kontrollera": show the results view and run.
  const runValidation = validation.run;
  useEffect(
    () =>
      controller?.attach(async () => {
        dismissAll();
        setTab("validation");
        await runValidation();
      }),
    [controller, runValidation, dismissAll],
  );

  const markReady = useCallback(() => setReady(true), []);
  const [popupLayer, setPopupLayer] = useState<HTMLElement | null>(null);
  const tools: PaneTools = useMemo(
    () => ({ api, lang, s, active, confirm, notify, markReady, popupLayer }),
    [api, lang, s, active, confirm, notify, markReady, popupLayer],
  );

  const answer = (ok: boolean) => {
    ask?.resolve(ok);
    setAsk(null);
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider} lang={LOCALES[lang].html}>
      <PaneContext.Provider value={tools}>
        <div
          ref={rootRef}
          className={styles.root}
          data-plankoll-ready={ready ? "true" : undefined}
          data-testid="plankoll-pane"
          onClickCapture={(e) => isAction(e.target) && dismissAll()}
        >
          <PlanHeader onImport={importEnabled ? () => setTab("import") : undefined} />
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_e, d) => {
              dismissAll();
              setTab(d.value as TabId);
            }}
            aria-label={s.tabsLabel}
            size="small"
          >
            <Tab value="goals">{s.tabGoals}</Tab>
            <Tab value="validation">{s.tabValidation}</Tab>
            {importEnabled && <Tab value="import">{s.tabImport}</Tab>}
          </TabList>
          <div className={styles.notices} aria-live="polite" role="status">
            {notices.map((n) => (
              <MessageBar key={n.id} intent={n.intent} data-testid="notice">
                <MessageBarBody>{n.text}</MessageBarBody>
                <MessageBarActions
                  containerAction={
                    <Button
                      appearance="transparent"
                      size="small"
                      aria-label={s.dismiss}
                      onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}
                    >
                      ×
                    </Button>
                  }
                />
              </MessageBar>
            ))}
          </div>
          <main className={styles.main}>
            <Suspense fallback={<Spinner className={styles.spinner} size="small" label={s.loading} />}>
              {tab === "goals" && <GoalsView />}
              {tab === "validation" && <ValidationView state={validation.state} run={validation.run} />}
              {tab === "import" && <ImportView onDone={() => setTab("goals")} />}
            </Suspense>
          </main>
          <footer className={styles.footer}>
            <label htmlFor="plankoll-lang">{s.langLabel}</label>
            <Select
              id="plankoll-lang"
              size="small"
              value={lang}
              onChange={(_e, d) => {
                dismissAll();
                setLang(d.value as Lang);
              }}
              data-testid="lang-switch"
            >
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </Select>
          </footer>
          <div ref={setPopupLayer} data-testid="popup-layer" />
        </div>
        {ask && (
          <Suspense fallback={null}>
            <ConfirmDialog text={ask.text} s={s} onAnswer={answer} />
          </Suspense>
        )}
      </PaneContext.Provider>
    </FluentProvider>
  );
}
