import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { PaneServices } from "../../services/types";
import { App } from "./App";

/** The pane with its Fluent theme: what index.tsx mounts and tests render. */
export function PaneRoot({ services }: { services: PaneServices }) {
  return (
    <FluentProvider theme={webLightTheme} lang="ru" style={{ minHeight: "100vh" }}>
      <App services={services} />
    </FluentProvider>
  );
}
