/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { appText } from "../../../app/messages";
import { RunError } from "../../../app/orchestrator";
import { FakeServices, INSPECTION, OUTCOME, scriptedRun } from "../../testing/fake-services";
import { strings } from "../../strings";
import { PaneRoot } from "./PaneRoot";

const button = (name: string | RegExp) => screen.getByRole("button", { name });

async function renderPane(services = new FakeServices()) {
  render(<PaneRoot services={services} />);
  // Office mode lists the input tables on start.
  if (services.mode === "office") await screen.findByTestId("input-tables");
  return services;
}

async function calculated(services = new FakeServices()) {
  await renderPane(services);
  fireEvent.click(button(strings.run.calculate));
  await screen.findByTestId("summary");
  return services;
}

describe("task pane", () => {
  test("lists the recognised tables, what is missing and the sheets not recognised", async () => {
    const services = await renderPane();
    const list = screen.getByTestId("input-tables");
    expect(within(list).getByText(/лист «Результаты», заголовок в строке 2, 1 611 строк/)).toBeTruthy();
    expect(list.querySelector('[data-kind="social"]')!.textContent).toContain("не найден — ИСН не рассчитывается");
    expect(list.querySelector('[data-kind="registry"]')!.getAttribute("data-found")).toBe("true");
    expect(screen.getByText(/«Лист5»: похоже на таблицу «Социальный паспорт»/)).toBeTruthy();
    expect(services.named("listInputTables")).toHaveLength(1);
    fireEvent.click(button(strings.tables.refreshLabel));
    await waitFor(() => expect(services.named("listInputTables")).toHaveLength(2));
  });

  test("calculate: progress with the stage label, then the summary, lists with reasons and problems", async () => {
    const services = new FakeServices();
    const run = scriptedRun(services);
    await renderPane(services);
    fireEvent.click(button(strings.run.calculate));
    expect(services.named("calculate")).toHaveLength(1);
    act(() => run.progress({ stage: "computing", fraction: 0.4, label: appText.stages.computing }));
    const bar = screen.getByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0.4");
    expect(screen.getByTestId("run-status").textContent).toBe("Расчёт индикаторов");
    expect(button(strings.run.cancelLabel)).toBeTruthy();
    // «Рассчитать» stays focusable but refuses while running.
    expect(button(strings.run.calculate).getAttribute("aria-disabled")).toBe("true");
    await act(async () => run.finish());
    await screen.findByTestId("summary");
    expect(screen.queryByRole("progressbar")).toBeNull();

    const counts = screen.getByTestId("status-counts");
    const row = (code: string) => counts.querySelector(`[data-status="${code}"]`)!;
    expect(row("shnor_shnsu").textContent).toBe("ШНОР + ШНСУ1");
    expect(row("shnsu").textContent).toBe("Кандидат в ШНСУ0");
    expect(within(counts).getByText("Школ: 6")).toBeTruthy();
    expect(screen.getByTestId("roadmap-summary").textContent).toBe("Дорожная карта: 3 мероприятия, просрочено 2");
    expect(screen.getByText("Проблем в данных: 2")).toBeTruthy();
    expect(screen.getByText(strings.run.done)).toBeTruthy();

    // Lists: ШНОР (2, sorted by ИНР), ШНСУ (1), резильентные (1), зона риска (1); comma decimals.
    const lists = screen.getByTestId("school-lists");
    expect(within(lists).getByRole("button", { name: "Кандидаты в ШНОР: 2" }).getAttribute("aria-expanded")).toBe("true");
    const shnor = lists.querySelector('[data-list="shnor"]')!;
    const names = Array.from(shnor.querySelectorAll("[data-school]")).map((e) => e.getAttribute("data-school"));
    expect(names).toEqual(["edu001", "edu002"]);
    expect(shnor.textContent).toContain("ИНР 92,9 · ИСН 57,1");
    expect(shnor.textContent).toContain("ИСН 57,1 ≥ 50");
    expect(shnor.textContent).toContain("устойчиво низкие результаты, базово неуспевающая");
    fireEvent.click(within(lists).getByRole("button", { name: "Зона риска: 1" }));
    expect(await within(lists).findByText("ИНР 42,3 в полосе зоны риска 35–50")).toBeTruthy();

    // The tables list is refreshed from the run, without reading the book again.
    expect(screen.getByText(/лист «Результаты», заголовок в строке 2, 96 строк/)).toBeTruthy();
    expect(services.named("listInputTables")).toHaveLength(1);
  });

  test("a school click calls selectSchool; a problem click calls selectCell with sheet and address", async () => {
    const services = await calculated();
    fireEvent.click(screen.getByRole("button", { name: strings.lists.schoolLabel("МБОУ «Никольская СОШ»") }));
    fireEvent.click(screen.getByRole("button", { name: strings.problems.cellLabel("Результаты", "F17") }));
    expect(screen.getByRole("button", { name: strings.problems.cellLabel("Результаты", "F17") }).textContent).toBe("Результаты!F17");
    await waitFor(() => expect(services.named("selectCell")).toHaveLength(1));
    expect(services.named("selectSchool")).toEqual([["selectSchool", "edu002"]]);
    expect(services.named("selectCell")).toEqual([["selectCell", "Результаты", "F17"]]);
  });

  test("a notice returned by a selection (preview) is shown", async () => {
    const services = new FakeServices();
    services.notices.selectCell = "В просмотре выделить ячейку в Excel нельзя: лист «Дорожная карта», ячейка D9.";
    await calculated(services);
    fireEvent.click(screen.getByRole("button", { name: strings.problems.cellLabel("Дорожная карта", "D9") }));
    expect(await screen.findByText(services.notices.selectCell)).toBeTruthy();
  });

  test("«Отмена» aborts the run's signal and shows the cancellation", async () => {
    const services = new FakeServices();
    const run = scriptedRun(services);
    await renderPane(services);
    fireEvent.click(button(strings.run.calculate));
    act(() => run.progress({ stage: "reading", fraction: 0, label: appText.stages.reading }));
    fireEvent.click(button(strings.run.cancelLabel));
    expect(services.lastRun!.signal!.aborted).toBe(true);
    expect(await screen.findByText(appText.cancelled)).toBeTruthy();
    expect(screen.getByText(strings.run.cancelledTitle)).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByTestId("summary")).toBeNull();
    expect(button(strings.run.calculate).hasAttribute("disabled")).toBe(false);
  });

  test("«Отмена» is disabled once the write stage has started", async () => {
    const services = new FakeServices();
    const run = scriptedRun(services);
    await renderPane(services);
    fireEvent.click(button(strings.run.calculate));
    act(() => run.progress({ stage: "writing", fraction: 0.7, label: appText.stages.writing }));
    expect(button(strings.run.cancelLabel).hasAttribute("disabled")).toBe(true);
    await act(async () => run.finish());
  });

  test("a RunError is shown in a message bar with its Russian text", async () => {
    const services = new FakeServices();
    const collision = appText.collision(["Сводка"]);
    services.run = async () => {
      throw new RunError(collision, "collision");
    };
    await renderPane(services);
    fireEvent.click(button(strings.run.calculate));
    const text = await screen.findByText(collision);
    expect(screen.getByText(strings.run.collisionTitle)).toBeTruthy();
    expect(text.closest('[data-testid="notice"]')).toBeTruthy();
    fireEvent.click(button(strings.errors.dismiss));
    expect(screen.queryByText(collision)).toBeNull();
  });

  test("a second run refused as busy (e.g. the ribbon is calculating) is reported", async () => {
    const services = new FakeServices();
    services.run = async () => {
      throw new RunError(appText.busy, "busy");
    };
    await renderPane(services);
    fireEvent.click(button(strings.run.calculate));
    expect(await screen.findByText(appText.busy)).toBeTruthy();
    expect(screen.getByText(strings.run.busyTitle)).toBeTruthy();
  });

  test("«Рассчитать» does not start a second run while one is going", async () => {
    const services = new FakeServices();
    const run = scriptedRun(services);
    await renderPane(services);
    fireEvent.click(button(strings.run.calculate));
    fireEvent.click(button(strings.run.calculate));
    expect(services.named("calculate")).toHaveLength(1);
    await act(async () => run.finish());
  });

  test("«Снять подсветку» calls removeHighlights and confirms; a failure is shown", async () => {
    const services = await renderPane();
    fireEvent.click(button(strings.actions.removeHighlights));
    expect(await screen.findByText(strings.actions.highlightsRemoved)).toBeTruthy();
    expect(services.named("removeHighlights")).toHaveLength(1);
    services.removeHighlightsError = new Error("Книга защищена от изменений.");
    fireEvent.click(button(strings.actions.removeHighlights));
    expect(await screen.findByText("Книга защищена от изменений.")).toBeTruthy();
  });

  test("«Открыть настройки» calls openSettings and shows its notice", async () => {
    const services = new FakeServices();
    services.notices.openSettings = strings.actions.noSettings;
    await renderPane(services);
    fireEvent.click(button(strings.actions.openSettings));
    expect(await screen.findByText(strings.actions.noSettings)).toBeTruthy();
    expect(services.named("openSettings")).toHaveLength(1);
  });

  test("keyboard: the buttons are real buttons, reachable by Tab and activated by Enter/Space", async () => {
    const services = await renderPane();
    const all = screen.getAllByRole("button");
    for (const b of all) expect(b.tagName).toBe("BUTTON");
    const calc = button(strings.run.calculate);
    calc.focus();
    expect(document.activeElement).toBe(calc);
    expect(calc.tabIndex).toBe(0);
    // Native buttons turn Enter and Space into click; Fluent adds no key handling of its own.
    fireEvent.keyDown(calc, { key: "Enter" });
    fireEvent.click(calc);
    await screen.findByTestId("summary");
    const school = screen.getByRole("button", { name: strings.lists.schoolLabel("МКОУ «Дубровская СОШ»") });
    expect(school.tagName).toBe("BUTTON");
    school.focus();
    fireEvent.click(school);
    await waitFor(() => expect(services.named("selectSchool")).toHaveLength(1));
    // Tab order follows the page: «Рассчитать» comes before the lists, the lists before the problems, the actions last.
    const order = [calc, school, screen.getByRole("button", { name: strings.problems.cellLabel("Результаты", "F17") }), button(strings.actions.removeHighlights), button(strings.actions.openSettings)];
    for (let i = 1; i < order.length; i++) expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test("«Что изменилось» since the previous run is summarised", async () => {
    const services = new FakeServices();
    const changes = {
      previous_run: "2026-11-20 10:15:00",
      status_changes: [{ school_id: "edu002", from: "risk_zone", to: "shnor" }],
      flags_added: [],
      flags_removed: [],
      index_changes: [{ school_id: "edu002", index: "inr" as const, from: 45.5, to: 61.5 }],
      newly_overdue: [],
    };
    services.run = async () => ({ ...OUTCOME, json: { ...OUTCOME.json, changes } });
    await calculated(services);
    expect(screen.getByTestId("changes").textContent).toBe(
      "Что изменилось с прошлого расчёта (2026-11-20 10:15:00): статусов изменилось: 1; флагов добавлено: 0, снято: 0; индексов изменилось: 1; впервые просрочено мероприятий: 0",
    );
  });

  test("long lists are paged", async () => {
    const services = new FakeServices();
    const many = Array.from({ length: 120 }, (_, i) => ({ ...OUTCOME.json.schools[1], school_id: `s${i}`, name: `Школа ${i}`, inr: 100 - i / 10 }));
    services.run = async () => ({ ...OUTCOME, json: { ...OUTCOME.json, schools: many } });
    await calculated(services);
    const shnor = screen.getByTestId("school-lists").querySelector('[data-list="shnor"]')!;
    expect(shnor.querySelectorAll("[data-school]")).toHaveLength(50);
    fireEvent.click(within(shnor as HTMLElement).getByRole("button", { name: strings.lists.more(50, 120) }));
    expect(shnor.querySelectorAll("[data-school]")).toHaveLength(100);
  });
});

describe("task pane, browser preview", () => {
  test("before a file is open nothing can run; opening a file lists its tables; download after a run", async () => {
    const services = new FakeServices("preview");
    const opened: string[] = [];
    services.openFile = async (file: File) => {
      opened.push(file.name);
    };
    services.download = async () => strings.preview.downloaded("книга.shnor.xlsx");
    await renderPane(services);
    expect(screen.getByText(strings.preview.banner)).toBeTruthy();
    expect(button(strings.run.calculate).hasAttribute("disabled")).toBe(true);
    expect(button(strings.preview.download).hasAttribute("disabled")).toBe(true);
    expect(button(strings.actions.removeHighlights).hasAttribute("disabled")).toBe(true);
    expect(services.named("listInputTables")).toHaveLength(0);

    const input = screen.getByLabelText(strings.preview.fileInputLabel) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([0x50, 0x4b])], "книга.xlsx")] } });
    await screen.findByTestId("input-tables");
    expect(opened).toEqual(["книга.xlsx"]);
    expect(screen.getByText(strings.preview.opened("книга.xlsx"))).toBeTruthy();
    expect(services.inspection).toBe(INSPECTION);

    fireEvent.click(button(strings.run.calculate));
    await screen.findByTestId("summary");
    fireEvent.click(button(strings.preview.download));
    expect(await screen.findByText(strings.preview.downloaded("книга.shnor.xlsx"))).toBeTruthy();
  });

  test("a file that cannot be opened is reported and nothing else changes", async () => {
    const services = new FakeServices("preview");
    services.openFile = async (file: File) => {
      throw new Error(strings.preview.notXlsx(file.name));
    };
    await renderPane(services);
    const input = screen.getByLabelText(strings.preview.fileInputLabel) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["a;b"], "данные.csv")] } });
    expect(await screen.findByText(strings.preview.notXlsx("данные.csv"))).toBeTruthy();
    expect(button(strings.run.calculate).hasAttribute("disabled")).toBe(true);
  });
});
