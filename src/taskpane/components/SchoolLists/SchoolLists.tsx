import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Link, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { formatIndex } from "../../format";
import type { SchoolItem, SchoolList } from "../../model";
import { strings } from "../../strings";
import { useSectionStyles } from "../styles";

/** Items rendered per list before «Показать ещё» (a country run has thousands). */
export const LIST_PAGE = 50;

const useStyles = makeStyles({
  school: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBlockEnd: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  name: { textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  reasons: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  panel: { marginInline: 0, paddingBlock: tokens.spacingVerticalS },
});

export interface SchoolListsProps {
  lists: SchoolList[];
  onSelectSchool: (id: string) => void;
}

/** ШНОР, ШНСУ, резильентные, зона риска — with reasons; a click selects the school's row. */
export function SchoolLists({ lists, onSelectSchool }: SchoolListsProps) {
  const styles = useSectionStyles();
  const headingId = useId();
  const firstNonEmpty = lists.find((l) => l.schools.length > 0)?.key;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="school-lists">
      <h2 id={headingId} className={styles.heading}>
        {strings.lists.heading}
      </h2>
      <Text className={styles.muted}>{strings.lists.note}</Text>
      <Accordion multiple collapsible defaultOpenItems={firstNonEmpty ? [firstNonEmpty] : []}>
        {lists.map((list) => (
          <AccordionItem key={list.key} value={list.key} data-list={list.key}>
            <AccordionHeader as="h3" expandIconPosition="end">
              {strings.lists.header(list.title, list.schools.length)}
            </AccordionHeader>
            <AccordionPanel>
              <ListBody list={list} onSelectSchool={onSelectSchool} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

function ListBody({ list, onSelectSchool }: { list: SchoolList; onSelectSchool: (id: string) => void }) {
  const styles = useSectionStyles();
  const own = useStyles();
  const [shown, setShown] = useState(LIST_PAGE);
  if (list.schools.length === 0) return <Text className={styles.muted}>{strings.lists.empty}</Text>;
  return (
    <div className={own.panel}>
      <ol className={styles.list}>
        {list.schools.slice(0, shown).map((s) => (
          <School key={s.id} school={s} onSelect={onSelectSchool} />
        ))}
      </ol>
      {shown < list.schools.length ? (
        <Button appearance="subtle" onClick={() => setShown((n) => n + LIST_PAGE)}>
          {strings.lists.more(shown, list.schools.length)}
        </Button>
      ) : null}
    </div>
  );
}

function School({ school, onSelect }: { school: SchoolItem; onSelect: (id: string) => void }) {
  const styles = useSectionStyles();
  const own = useStyles();
  const nd = strings.lists.noData;
  const meta = [school.id, school.municipality, `${strings.lists.inr} ${formatIndex(school.inr, nd)}`, `${strings.lists.isn} ${formatIndex(school.isn, nd)}`].filter(Boolean).join(" · ");
  return (
    <li className={own.school} data-school={school.id}>
      <Link as="button" className={mergeClasses(own.name, styles.wrap)} aria-label={strings.lists.schoolLabel(school.name)} onClick={() => onSelect(school.id)}>
        {school.name}
      </Link>
      <Text className={mergeClasses(styles.muted, styles.wrap)}>{meta}</Text>
      <Text size={200} className={styles.wrap}>
        {school.statusLabel}
        {school.flags.length > 0 ? ` — ${school.flags.join(", ")}` : ""}
      </Text>
      {school.reasons.length > 0 ? (
        <ul className={mergeClasses(own.reasons, styles.wrap)} aria-label={`${strings.lists.reasons}: ${school.name}`}>
          {school.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
