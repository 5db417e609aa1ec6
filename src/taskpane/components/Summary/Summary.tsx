import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { formatDate, formatInt } from "../../format";
import type { PaneResult } from "../../model";
import { strings } from "../../strings";
import { useSectionStyles } from "../styles";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": {
      paddingBlock: tokens.spacingVerticalXXS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    },
    "& th": { textAlign: "start", fontWeight: tokens.fontWeightRegular },
    "& td": { textAlign: "end", fontVariantNumeric: "tabular-nums", paddingInlineStart: tokens.spacingHorizontalM },
    "& thead th": { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
    "& thead th + th": { textAlign: "end" },
  },
  zero: { color: tokens.colorNeutralForeground4 },
});

export interface SummaryProps {
  result: PaneResult;
}

/** Counts per status, roadmap overdue count, number of data problems. */
export function Summary({ result }: SummaryProps) {
  const styles = useSectionStyles();
  const own = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="summary">
      <h2 id={headingId} className={styles.heading}>
        {strings.summary.heading}
      </h2>
      <Text className={styles.muted}>{strings.summary.period(result.reportYear, formatDate(result.reportDate))}</Text>
      {result.schoolCount > 0 ? (
        <table className={own.table} data-testid="status-counts">
          <caption style={{ textAlign: "start" }}>
            <Text weight="semibold">{strings.summary.schools(result.schoolCount)}</Text>
          </caption>
          <thead>
            <tr>
              <th scope="col">{strings.summary.statusColumn}</th>
              <th scope="col">
                {strings.summary.countColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.statusCounts.map((s) => (
              <tr key={s.code} data-status={s.code} className={s.count === 0 ? own.zero : undefined}>
                <th scope="row">{s.label}</th>
                <td>{formatInt(s.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Text>{strings.summary.noSchools}</Text>
      )}
      <Text data-testid="roadmap-summary">{result.roadmapTotal > 0 ? strings.summary.roadmap(result.roadmapTotal, result.roadmapOverdue) : strings.summary.noRoadmap}</Text>
      <Text>{strings.summary.problems(result.problems.length)}</Text>
      {result.changes ? (
        <Text className={styles.wrap} data-testid="changes">
          <Text weight="semibold">{result.changes.title}:</Text> {result.changes.text}
        </Text>
      ) : null}
      {result.written.length > 0 ? <Text className={mergeClasses(styles.muted, styles.wrap)}>{strings.run.written(result.written)}</Text> : null}
    </section>
  );
}
