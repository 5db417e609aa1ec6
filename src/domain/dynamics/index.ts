/** Dynamics between periods and between runs (methodology.md §6). */
export * from "./changes";
export * from "./history";
export * from "./indicators";
export * from "./runlog";
export * from "./transitions";
