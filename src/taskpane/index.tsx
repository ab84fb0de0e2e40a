// PLACEHOLDER written by helper ADDIN-BUILD so the build runs; helper TASKPANE owns and replaces this file.
// Contract kept by the real file: mount into #root, call registerCommands at load, and set
// data-plankoll-ready="true" on the root element once the first view is interactive.
import { createRoot } from "react-dom/client";
import { registerCommands } from "../commands/commands";

registerCommands({ validate: () => Promise.resolve() });

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(<h1 ref={() => root.setAttribute("data-plankoll-ready", "true")}>Plankoll</h1>);
}
