import { Button, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { Problem } from "../../../domain/problems";
import { strings } from "../../strings";
import { useSectionStyles } from "../styles";

export const PROBLEM_PAGE = 50;

const useStyles = makeStyles({
  item: { display: "block", overflowWrap: "anywhere" },
  where: { marginInlineEnd: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
});

export interface ProblemsProps {
  problems: Problem[];
  onSelectCell: (sheet: string, cell: string) => void;
}

/** Data problems as «Лист!F17 — message»; a click selects the cell. */
export function Problems({ problems, onSelectCell }: ProblemsProps) {
  const styles = useSectionStyles();
  const own = useStyles();
  const headingId = useId();
  const [shown, setShown] = useState(PROBLEM_PAGE);
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="problems">
      <h2 id={headingId} className={styles.heading}>
        {strings.problems.heading} ({problems.length})
      </h2>
      {problems.length === 0 ? (
        <Text className={styles.muted}>{strings.problems.none}</Text>
      ) : (
        <ul className={styles.list}>
          {problems.slice(0, shown).map((p, i) => (
            <li key={i} className={own.item}>
              <Link as="button" className={own.where} aria-label={strings.problems.cellLabel(p.sheet, p.cell)} onClick={() => onSelectCell(p.sheet, p.cell)}>
                {strings.problems.where(p.sheet, p.cell)}
              </Link>
              <Text size={200}>— {p.message}</Text>
            </li>
          ))}
        </ul>
      )}
      {shown < problems.length ? (
        <Button appearance="subtle" onClick={() => setShown((n) => n + PROBLEM_PAGE)}>
          {strings.problems.more(shown, problems.length)}
        </Button>
      ) : null}
    </section>
  );
}
