/** @jest-environment jsdom */
import { act, render, screen } from "@testing-library/react";
import { appText } from "../../../app/messages";
import { RunError } from "../../../app/orchestrator";
import { FakeServices, OUTCOME } from "../../testing/fake-services";
import { strings } from "../../strings";
import { PaneRoot } from "./PaneRoot";

describe("runs started from the ribbon", () => {
  test("show their summary in the pane", async () => {
    const services = new FakeServices();
    render(<PaneRoot services={services} />);
    await screen.findByTestId("input-tables");
    expect(screen.queryByTestId("summary")).toBeNull();
    act(() => services.ribbonRun({ outcome: OUTCOME }));
    expect(await screen.findByTestId("summary")).toBeTruthy();
    expect(screen.getByText(strings.run.done)).toBeTruthy();
    expect(services.named("calculate")).toHaveLength(0);
  });

  test("show their refusal in Russian", async () => {
    const services = new FakeServices();
    render(<PaneRoot services={services} />);
    await screen.findByTestId("input-tables");
    act(() => services.ribbonRun({ error: new RunError(appText.busy, "busy") }));
    expect(await screen.findByText(appText.busy)).toBeTruthy();
  });

  test("stop being listened to when the pane goes away", async () => {
    const services = new FakeServices();
    const view = render(<PaneRoot services={services} />);
    await screen.findByTestId("input-tables");
    expect(services.runListeners.size).toBe(1);
    view.unmount();
    expect(services.runListeners.size).toBe(0);
  });
});
