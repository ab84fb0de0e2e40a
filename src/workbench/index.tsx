// PLACEHOLDER written by helper ADDIN-BUILD so the build runs; helper TASKPANE owns and replaces this file
// (the real workbench installs the fake Office/Excel and mounts the real pane into #root).
import { createRoot } from "react-dom/client";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <h1 ref={() => root.setAttribute("data-plankoll-ready", "true")}>Plankoll – arbetsbänk</h1>,
  );
}
