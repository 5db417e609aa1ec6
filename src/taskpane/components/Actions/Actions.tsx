import { Button } from "@fluentui/react-components";
import { useId } from "react";
import { strings } from "../../strings";
import { useSectionStyles } from "../styles";

export interface ActionsProps {
  disabled: boolean;
  onRemoveHighlights: () => void;
  onOpenSettings: () => void;
}

/** «Снять подсветку» and «Открыть настройки». */
export function Actions({ disabled, onRemoveHighlights, onOpenSettings }: ActionsProps) {
  const styles = useSectionStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} style={{ borderBottom: "none" }}>
      <h2 id={headingId} className={styles.heading}>
        {strings.actions.heading}
      </h2>
      <div className={styles.row}>
        <Button disabled={disabled} title={strings.actions.removeHighlightsHint} onClick={onRemoveHighlights}>
          {strings.actions.removeHighlights}
        </Button>
        <Button appearance="subtle" disabled={disabled} title={strings.actions.openSettingsHint} onClick={onOpenSettings}>
          {strings.actions.openSettings}
        </Button>
      </div>
    </section>
  );
}
