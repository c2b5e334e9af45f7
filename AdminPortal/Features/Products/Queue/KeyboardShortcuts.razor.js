// One keydown listener per page: single keys (no modifiers) go to .NET, except while the user types in a field or a
// dialog is open (its own buttons and fields take the keys then).
export function listen(dotnet, keys) {
  const handler = (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const t = e.target;
    if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
    if (e.key === "Escape") { dotnet.invokeMethodAsync("OnShortcut", "Escape"); return; }   // closes our dialogs
    if (!keys.includes(e.key)) return;
    if (document.querySelector(".mud-dialog-container .mud-dialog")) return;
    e.preventDefault();
    dotnet.invokeMethodAsync("OnShortcut", e.key);
  };
  document.addEventListener("keydown", handler);
  document.documentElement.dataset.shortcuts = "ready";   // tests wait for this before pressing keys
  return {
    dispose: () => {
      document.removeEventListener("keydown", handler);
      delete document.documentElement.dataset.shortcuts;
    },
  };
}
