import { initialScripts } from "../../scripts/bench/bundle";

describe("bundle bench: which scripts count as initial JS", () => {
  test("local scripts in page order without cache-busting queries; the Office.js CDN apart", () => {
    const html =
      "<head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script>" +
      '<script defer src="functions.js?8e9b88f9"></script><script defer src=taskpane.js?8e9b88f9></script></head>' +
      "<body><script>inline()</script></body>";
    expect(initialScripts(html)).toEqual({
      local: ["functions.js", "taskpane.js"],
      external: ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"],
    });
  });

  test("a page without scripts has nothing to count", () => {
    expect(initialScripts("<html><body><div id=root></div></body></html>")).toEqual({
      local: [],
      external: [],
    });
  });
});
