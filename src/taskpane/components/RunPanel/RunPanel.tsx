import { Button, Field, ProgressBar } from "@fluentui/react-components";
import { strings } from "../../strings";
import { useSectionStyles } from "../styles";

export interface RunProgress {
  label: string;
  fraction: number;
  /** The write stage has started: cancelling is no longer possible. */
  writing: boolean;
}

export interface RunPanelProps {
  running: boolean;
  cancelling: boolean;
  canCalculate: boolean;
  progress: RunProgress | null;
  onCalculate: () => void;
  onCancel: () => void;
}

/** «Рассчитать», then a progress bar with the stage and «Отмена». */
export function RunPanel({ running, cancelling, canCalculate, progress, onCalculate, onCancel }: RunPanelProps) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-label={strings.run.sectionLabel}>
      <div className={styles.row}>
        <Button appearance="primary" size="large" disabled={!running && !canCalculate} disabledFocusable={running} title={strings.run.calculateHint} onClick={onCalculate}>
          {strings.run.calculate}
        </Button>
        {running ? (
          <Button disabled={cancelling || progress?.writing === true} aria-label={strings.run.cancelLabel} onClick={onCancel}>
            {cancelling ? strings.run.cancelling : strings.run.cancel}
          </Button>
        ) : null}
      </div>
      {running && progress ? (
        <Field label={strings.run.progressLabel} validationMessage={progress.label} validationState="none">
          <ProgressBar value={progress.fraction} max={1} thickness="large" aria-valuetext={progress.label} />
        </Field>
      ) : null}
      <div role="status" aria-live="polite" className={styles.muted} data-testid="run-status">
        {running && progress ? progress.label : ""}
      </div>
    </section>
  );
}
