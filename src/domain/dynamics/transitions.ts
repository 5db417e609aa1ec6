/** Transitions t−1 → t of the ШНОР and ШНСУ candidate lists (methodology.md §6). */
import type { SchoolResult } from "../engine/calculate";

export interface ListTransition {
  /** In the list in t, not in t−1. */
  entered: string[];
  /** In the list in t−1, not in t. */
  left: string[];
  /** In the list in both years. */
  stayed: string[];
}

export interface Transitions {
  shnor: ListTransition;
  shnsu: ListTransition;
}

export type ListKey = keyof Transitions;
export type TransitionKind = keyof ListTransition;
export const TRANSITION_KINDS: readonly TransitionKind[] = ["entered", "left", "stayed"];

/** Membership in the two lists; `shnor_shnsu` counts in both (Appendix A). */
export type Membership = "both" | "shnor" | "shnsu" | "none";
export const MEMBERSHIPS: readonly Membership[] = ["both", "shnor", "shnsu", "none"];

export function membership(shnor: boolean, shnsu: boolean): Membership {
  return shnor && shnsu ? "both" : shnor ? "shnor" : shnsu ? "shnsu" : "none";
}

const inList = {
  shnor: { now: (s: SchoolResult) => s.classification.lowResults, before: (s: SchoolResult) => s.prev.lowResults },
  shnsu: { now: (s: SchoolResult) => s.classification.adverseContext, before: (s: SchoolResult) => s.prev.adverseContext },
};

/** Entered, left and stayed for ШНОР and ШНСУ, school ids in the order of the result. */
export function transitions(schools: readonly SchoolResult[]): Transitions {
  const of = (key: ListKey): ListTransition => {
    const { now, before } = inList[key];
    return {
      entered: schools.filter((s) => now(s) && !before(s)).map((s) => s.school.id),
      left: schools.filter((s) => !now(s) && before(s)).map((s) => s.school.id),
      stayed: schools.filter((s) => now(s) && before(s)).map((s) => s.school.id),
    };
  };
  return { shnor: of("shnor"), shnsu: of("shnsu") };
}

/** «Изменили позицию в списках» (the Sterlitamak indicator): entered + left. */
export function changedPosition(t: ListTransition): number {
  return t.entered.length + t.left.length;
}

/** Counts of schools by membership in t−1 (first key) and in t (second key). */
export type TransitionMatrix = Record<Membership, Record<Membership, number>>;

export function transitionMatrix(schools: readonly SchoolResult[]): TransitionMatrix {
  const zero = (): Record<Membership, number> => ({ both: 0, shnor: 0, shnsu: 0, none: 0 });
  const out: TransitionMatrix = { both: zero(), shnor: zero(), shnsu: zero(), none: zero() };
  for (const s of schools) out[membership(s.prev.lowResults, s.prev.adverseContext)][membership(s.classification.lowResults, s.classification.adverseContext)]++;
  return out;
}
