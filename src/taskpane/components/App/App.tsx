import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { inspectionFromRun, type InputInspection } from "../../../app/inspect";
import { toPaneResult, type PaneResult } from "../../model";
import type { PaneServices } from "../../services/types";
import { strings } from "../../strings";
import { Actions } from "../Actions/Actions";
import { InputTables } from "../InputTables/InputTables";
import { Notice, type NoticeMessage } from "../Notice/Notice";
import { PreviewBar } from "../PreviewBar/PreviewBar";
import { Problems } from "../Problems/Problems";
import { RunPanel, type RunProgress } from "../RunPanel/RunPanel";
import { SchoolLists } from "../SchoolLists/SchoolLists";
import { Summary } from "../Summary/Summary";
import { noticeFor } from "./errors";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    maxWidth: "640px",
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    display: "flex",
    flexDirection: "column",
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export interface AppProps {
  services: PaneServices;
}

/** The task pane: state and the services calls; the sections below only render. */
export function App({ services }: AppProps) {
  const styles = useStyles();
  const preview = services.mode === "preview";
  const [inspection, setInspection] = useState<InputInspection | null>(null);
  // Inside Excel the tables are listed at start; the preview waits for a file.
  const [inspecting, setInspecting] = useState(!preview);
  const [running, setRunning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [result, setResult] = useState<PaneResult | null>(null);
  const [message, setMessage] = useState<NoticeMessage | null>(null);
  const [working, setWorking] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const hasBook = !preview || fileName !== null;
  const busy = running || working;

  const refresh = useCallback(async () => {
    setInspecting(true);
    try {
      setInspection(await services.listInputTables());
    } catch (e) {
      setMessage(noticeFor(e));
    } finally {
      setInspecting(false);
    }
  }, [services]);

  useEffect(() => {
    if (preview) return;
    let live = true;
    services
      .listInputTables()
      .then(
        (found) => live && setInspection(found),
        (e) => live && setMessage(noticeFor(e)),
      )
      .finally(() => live && setInspecting(false));
    return () => {
      live = false;
    };
  }, [preview, services]);

  useEffect(() => () => abort.current?.abort(), []);

  // Runs started elsewhere (the ribbon's «Рассчитать») show their outcome here too.
  useEffect(
    () =>
      services.onRun?.((event) => {
        if (event.outcome) {
          setResult(toPaneResult(event.outcome));
          setInspection((prev) => inspectionFromRun(event.outcome!.json.tables, prev ?? undefined));
          setMessage({ intent: "success", text: strings.run.done });
        } else setMessage(noticeFor(event.error));
      }),
    [services],
  );

  const calculate = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setCancelling(false);
    setMessage(null);
    setProgress({ label: strings.run.starting, fraction: 0, writing: false });
    try {
      const outcome = await services.calculate({
        signal: controller.signal,
        onProgress: (p) => setProgress({ label: p.label, fraction: p.fraction, writing: p.stage === "writing" || p.stage === "done" }),
      });
      setResult(toPaneResult(outcome));
      setInspection((prev) => inspectionFromRun(outcome.json.tables, prev ?? undefined));
      setMessage({ intent: "success", text: strings.run.done });
    } catch (e) {
      setMessage(noticeFor(e));
    } finally {
      abort.current = null;
      setRunning(false);
      setCancelling(false);
      setProgress(null);
    }
  };

  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  /** Runs a side action, showing its notice or error. */
  const act = async (f: () => Promise<string | void>, done?: string) => {
    setWorking(true);
    try {
      const note = await f();
      const text = note || done;
      setMessage(text ? { intent: note ? "info" : "success", text } : null);
    } catch (e) {
      setMessage(noticeFor(e));
    } finally {
      setWorking(false);
    }
  };

  const openFile = async (file: File) => {
    if (!services.openFile) return;
    setWorking(true);
    setMessage({ intent: "info", text: strings.preview.opening(file.name) });
    try {
      await services.openFile(file);
      setFileName(file.name);
      setResult(null);
      setInspection(null);
      setMessage(null);
    } catch (e) {
      setMessage(noticeFor(e));
      setWorking(false);
      return;
    }
    setWorking(false);
    await refresh();
  };

  // Selection never blocks the pane: a click while a run goes on is still answered.
  const select = (f: () => Promise<string | void>) => {
    f().then(
      (note) => note && setMessage({ intent: "info", text: note }),
      (e) => setMessage(noticeFor(e)),
    );
  };

  return (
    <main className={styles.root} aria-busy={running}>
      <header>
        <h1 className={styles.title}>{strings.appTitle}</h1>
        <Text as="p" className={styles.subtitle} style={{ margin: 0 }}>
          {strings.appSubtitle}
        </Text>
      </header>
      {preview ? (
        <PreviewBar
          fileName={fileName}
          canDownload={result !== null}
          disabled={busy}
          onOpen={(f) => void openFile(f)}
          onDownload={() => void act(() => services.download?.() ?? Promise.resolve())}
        />
      ) : null}
      <InputTables inspection={inspection} loading={inspecting} canRefresh={hasBook && !busy} onRefresh={() => void refresh()} />
      <RunPanel running={running} cancelling={cancelling} canCalculate={hasBook && !working && !inspecting} progress={progress} onCalculate={() => void calculate()} onCancel={cancel} />
      <Notice message={message} onDismiss={() => setMessage(null)} />
      {result ? (
        <>
          <Summary result={result} />
          <SchoolLists lists={result.lists} onSelectSchool={(id) => select(() => services.selectSchool(id))} />
          <Problems problems={result.problems} onSelectCell={(sheet, cell) => select(() => services.selectCell(sheet, cell))} />
        </>
      ) : null}
      <Actions
        disabled={!hasBook || busy}
        onRemoveHighlights={() => void act(() => services.removeHighlights(), strings.actions.highlightsRemoved)}
        onOpenSettings={() => void act(() => services.openSettings())}
      />
    </main>
  );
}
