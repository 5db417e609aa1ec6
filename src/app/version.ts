/** The add-in's version, shown in the run log (kept in step with package.json by a test). */
export const version = "0.1.0";
