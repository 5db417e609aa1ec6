/**
 * Ribbon commands (manifest.xml: ExecuteFunction «calculate», «removeHighlights»), running in
 * the shared runtime with the task pane, on the pane's own orchestrator: one run at a time
 * whichever door it came through. test/manifest/manifest.test.ts checks that every
 * FunctionName of the manifest is associated here.
 */

export interface CommandHandlers {
  /** «Рассчитать»: read → compute → write. */
  calculate: () => Promise<unknown>;
  /** «Снять подсветку». */
  removeHighlights: () => Promise<void>;
}

/** The function names the manifest uses, associated below. */
export const COMMAND_NAMES = ["calculate", "removeHighlights"] as const;

/**
 * Associates the ribbon functions. `event.completed()` is called in every case, or the
 * ribbon button stays busy. The pane learns the outcome (and any error, in Russian) from the
 * orchestrator's subscription; after «Рассчитать» the pane is opened on it.
 */
export function registerCommands(handlers: CommandHandlers): void {
  const wrap = (run: () => Promise<unknown>, showPane: boolean) => async (event?: { completed?: () => void }) => {
    try {
      await run();
    } catch {
      // Reported by the pane through Orchestrator.subscribe; the ribbon has no UI of its own.
    } finally {
      if (showPane) await Office.addin.showAsTaskpane().catch(() => undefined);
      event?.completed?.();
    }
  };
  Office.actions.associate("calculate", wrap(() => handlers.calculate(), true));
  Office.actions.associate("removeHighlights", wrap(() => handlers.removeHighlights(), false));
}
