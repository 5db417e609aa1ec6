/**
 * Ribbon commands (manifest.xml: ExecuteFunction «calculate», «removeHighlights»), running in
 * the shared runtime with the task pane. PLACEHOLDER: the handlers are passed in; the lead
 * wires them to the orchestrator. test/manifest/manifest.test.ts checks that every
 * FunctionName of the manifest is associated here.
 */

export interface CommandHandlers {
  /** «Рассчитать»: read → compute → write. */
  calculate: () => Promise<void>;
  /** «Снять подсветку». */
  removeHighlights: () => Promise<void>;
}

/** The function names the manifest uses, associated below. */
export const COMMAND_NAMES = ["calculate", "removeHighlights"] as const;

/**
 * Associates the ribbon functions. `event.completed()` must be called in every case, or the
 * ribbon button stays busy; errors are left to the handler to report (task pane / dialog).
 */
export function registerCommands(handlers: CommandHandlers): void {
  const wrap = (run: () => Promise<void>) => async (event?: { completed?: () => void }) => {
    try {
      await run();
    } catch (e) {
      console.error(e);
    } finally {
      event?.completed?.();
    }
  };
  Office.actions.associate("calculate", wrap(() => handlers.calculate()));
  Office.actions.associate("removeHighlights", wrap(() => handlers.removeHighlights()));
}
