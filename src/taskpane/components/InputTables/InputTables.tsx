import { Badge, Button, mergeClasses, Spinner, Text } from "@fluentui/react-components";
import { useId } from "react";
import { INPUT_KINDS, type InputInspection } from "../../../app/inspect";
import { tableName } from "../../../domain/i18n/ru";
import type { TableKind } from "../../../domain/recognition/table";
import { strings } from "../../strings";
import { useSectionStyles } from "../styles";

export interface InputTablesProps {
  inspection: InputInspection | null;
  loading: boolean;
  canRefresh: boolean;
  onRefresh: () => void;
}

const MALE: ReadonlySet<TableKind> = new Set(["registry", "social"]);

/** The input tables found by their headers, and what is missing. */
export function InputTables({ inspection, loading, canRefresh, onRefresh }: InputTablesProps) {
  const styles = useSectionStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} aria-busy={loading}>
      <div className={styles.row} style={{ justifyContent: "space-between" }}>
        <h2 id={headingId} className={styles.heading}>
          {strings.tables.heading}
        </h2>
        <Button size="small" disabled={!canRefresh || loading} aria-label={strings.tables.refreshLabel} onClick={onRefresh}>
          {strings.tables.refresh}
        </Button>
      </div>
      {loading ? <Spinner size="tiny" label={strings.tables.reading} /> : null}
      {!inspection && !loading ? <Text className={styles.muted}>{strings.tables.empty}</Text> : null}
      {inspection ? <TableList inspection={inspection} /> : null}
    </section>
  );
}

function TableList({ inspection }: { inspection: InputInspection }) {
  const styles = useSectionStyles();
  const noSchoolData = inspection.missing.includes("results") && inspection.missing.includes("social");
  return (
    <>
      <ul className={styles.list} data-testid="input-tables">
        {INPUT_KINDS.map((kind) => {
          const found = inspection.tables.filter((t) => t.kind === kind);
          return (
            <li key={kind} data-kind={kind} data-found={found.length > 0}>
              <div className={styles.row}>
                <Badge appearance="tint" color={found.length > 0 ? "success" : kind === "scores" ? "informative" : "warning"} shape="rounded">
                  {found.length > 0 ? "✓" : "—"}
                </Badge>
                <Text weight="semibold">{tableName(kind)}</Text>
              </div>
              {found.length > 0 ? (
                found.map((t) => (
                  <Text as="p" key={t.sheet} className={mergeClasses(styles.muted, styles.wrap)} style={{ margin: 0 }}>
                    {strings.tables.found(t.sheet, t.headerRow, t.rows)}
                  </Text>
                ))
              ) : (
                <Text as="p" className={styles.muted} style={{ margin: 0 }}>
                  {MALE.has(kind) ? strings.tables.missingMale : strings.tables.missing} — {strings.tables.consequence[kind]}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      {noSchoolData ? <Text className={styles.wrap}>{strings.tables.noSchoolData}</Text> : null}
      {inspection.notRecognized.length > 0 ? (
        <div>
          <Text weight="semibold">{strings.tables.notRecognizedHeading}</Text>
          <ul className={styles.list}>
            {inspection.notRecognized.map((p, i) => (
              <li key={i} className={styles.wrap}>
                <Text size={200}>{strings.tables.notRecognized(p.sheet, p.message)}</Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
