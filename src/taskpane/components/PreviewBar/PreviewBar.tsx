import { Button, mergeClasses, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useId, useRef, type ChangeEvent } from "react";
import { strings } from "../../strings";
import { useSectionStyles } from "../styles";

export interface PreviewBarProps {
  fileName: string | null;
  canDownload: boolean;
  disabled: boolean;
  onOpen: (file: File) => void;
  onDownload: () => void;
}

/** Browser preview only: pick an .xlsx file and download the result. */
export function PreviewBar({ fileName, canDownload, disabled, onOpen, onDownload }: PreviewBarProps) {
  const styles = useSectionStyles();
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // the same file can be picked again
    if (file) onOpen(file);
  };
  return (
    <section className={styles.section} aria-label={strings.preview.openFile}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{strings.preview.banner}</MessageBarBody>
      </MessageBar>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={strings.preview.fileInputLabel}
        hidden
        onChange={onChange}
        data-testid="file-input"
      />
      <div className={styles.row}>
        <Button appearance={fileName ? "secondary" : "primary"} disabled={disabled} aria-describedby={hintId} onClick={() => input.current?.click()}>
          {strings.preview.openFile}
        </Button>
        <Button disabled={disabled || !canDownload} title={strings.preview.downloadHint} onClick={onDownload}>
          {strings.preview.download}
        </Button>
      </div>
      <Text id={hintId} className={mergeClasses(styles.muted, styles.wrap)}>
        {fileName ? strings.preview.opened(fileName) : strings.preview.openFileHint}
      </Text>
    </section>
  );
}
