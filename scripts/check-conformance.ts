/**
 * Compares a result JSON of `shnor calc --json` with a conformance example's expected JSON
 * (../shared/conformance/README.md): per school status exactly, inr/isn/inr_t within 0.05,
 * flags as a set; roadmap status by sheet and row. Exit 1 on any difference.
 *
 *   npx tsx scripts/check-conformance.ts actual.json expected.json
 */
import { readFileSync } from "node:fs";

interface SchoolJson {
  school_id: string;
  status: string;
  inr: number | null;
  isn: number | null;
  inr_t: number | null;
  flags: string[];
}
interface RoadmapJson {
  sheet: string;
  row: number;
  status: string;
}
interface ResultJson {
  schools: SchoolJson[];
  roadmap: RoadmapJson[];
}

export function compareResults(actual: ResultJson, expected: ResultJson): string[] {
  const diffs: string[] = [];
  const got = new Map(actual.schools.map((s) => [s.school_id, s]));
  for (const want of expected.schools) {
    const have = got.get(want.school_id);
    if (!have) {
      diffs.push(`${want.school_id}: missing`);
      continue;
    }
    if (have.status !== want.status) diffs.push(`${want.school_id}: status ${have.status} ≠ ${want.status}`);
    for (const key of ["inr", "isn", "inr_t"] as const) {
      const a = have[key];
      const b = want[key];
      if ((a === null) !== (b === null) || (a !== null && b !== null && Math.abs(a - b) > 0.05)) diffs.push(`${want.school_id}: ${key} ${a} ≠ ${b}`);
    }
    const fa = [...have.flags].sort().join(",");
    const fb = [...want.flags].sort().join(",");
    if (fa !== fb) diffs.push(`${want.school_id}: flags [${fa}] ≠ [${fb}]`);
  }
  if (actual.schools.length !== expected.schools.length) diffs.push(`schools: ${actual.schools.length} ≠ ${expected.schools.length}`);
  const roadmap = new Map(actual.roadmap.map((e) => [`${e.sheet}!${e.row}`, e]));
  for (const want of expected.roadmap) {
    const have = roadmap.get(`${want.sheet}!${want.row}`);
    if (!have) diffs.push(`roadmap ${want.sheet}!${want.row}: missing`);
    else if (have.status !== want.status) diffs.push(`roadmap ${want.sheet}!${want.row}: ${have.status} ≠ ${want.status}`);
  }
  if (actual.roadmap.length !== expected.roadmap.length) diffs.push(`roadmap events: ${actual.roadmap.length} ≠ ${expected.roadmap.length}`);
  return diffs;
}

if (require.main === module) {
  const [actualPath, expectedPath] = process.argv.slice(2);
  const diffs = compareResults(JSON.parse(readFileSync(actualPath, "utf8")), JSON.parse(readFileSync(expectedPath, "utf8")));
  for (const d of diffs) console.log(d);
  console.log(diffs.length === 0 ? `conformance ${expectedPath}: OK` : `conformance ${expectedPath}: ${diffs.length} differences`);
  process.exitCode = diffs.length === 0 ? 0 : 1;
}
