/** Mounts the pane into a page element; used by the Office entry and the workbench alike. */
import { createRoot } from "react-dom/client";
import type { PaneApi, PaneController } from "./api";
import { App } from "./components/App";

export function mountPane(element: HTMLElement, api: PaneApi, controller?: PaneController): void {
  createRoot(element).render(<App api={api} controller={controller} />);
}
