import { MemoryGateway, smallBook } from "../../test/support/memory-gateway";
import { Orchestrator, type RunEvent } from "../app/orchestrator";
import { registerCommands } from "./commands";

type Handler = (event: { completed: () => void }) => Promise<void>;

/** The two Office.js entry points the ribbon uses, recorded. */
function fakeOffice() {
  const handlers = new Map<string, Handler>();
  const shown: number[] = [];
  (globalThis as unknown as { Office: unknown }).Office = {
    actions: { associate: (name: string, f: Handler) => handlers.set(name, f) },
    addin: { showAsTaskpane: async () => void shown.push(1) },
  };
  return { handlers, shown };
}

async function press(handler: Handler | undefined): Promise<number> {
  let completed = 0;
  await handler!({ completed: () => completed++ });
  return completed;
}

describe("ribbon commands", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  it("«Рассчитать» runs the shared orchestrator, opens the pane and completes the event", async () => {
    const office = fakeOffice();
    const gateway = MemoryGateway.of(smallBook());
    const orchestrator = new Orchestrator(gateway);
    const events: RunEvent[] = [];
    orchestrator.subscribe((e) => events.push(e));
    registerCommands({ calculate: () => orchestrator.calculate(), removeHighlights: () => orchestrator.removeHighlights() });
    expect(await press(office.handlers.get("calculate"))).toBe(1);
    expect(gateway.writes).toHaveLength(1);
    expect(office.shown).toHaveLength(1);
    expect(events.map((e) => e.kind)).toEqual(["done"]);
  });

  it("a second «Рассчитать» while the pane's run is going is refused, told to the pane, and still completes", async () => {
    const office = fakeOffice();
    const gateway = MemoryGateway.of(smallBook());
    let release!: () => void;
    gateway.gate = new Promise((r) => (release = r));
    const orchestrator = new Orchestrator(gateway);
    const events: RunEvent[] = [];
    orchestrator.subscribe((e) => events.push(e));
    registerCommands({ calculate: () => orchestrator.calculate(), removeHighlights: () => orchestrator.removeHighlights() });
    const paneRun = orchestrator.calculate();
    expect(await press(office.handlers.get("calculate"))).toBe(1);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "failed", error: { code: "busy" } });
    release();
    await paneRun;
    expect(gateway.writes).toHaveLength(1);
  });

  it("«Снять подсветку» removes the highlights and completes without opening the pane", async () => {
    const office = fakeOffice();
    const gateway = MemoryGateway.of(smallBook());
    const orchestrator = new Orchestrator(gateway);
    registerCommands({ calculate: () => orchestrator.calculate(), removeHighlights: () => orchestrator.removeHighlights() });
    expect(await press(office.handlers.get("removeHighlights"))).toBe(1);
    expect(gateway.highlightsRemoved).toBe(1);
    expect(office.shown).toHaveLength(0);
  });

  it("completes the event even when the handler throws", async () => {
    const office = fakeOffice();
    registerCommands({ calculate: async () => Promise.reject(new Error("сбой")), removeHighlights: async () => undefined });
    expect(await press(office.handlers.get("calculate"))).toBe(1);
  });
});
