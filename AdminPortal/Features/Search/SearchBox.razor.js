// Ctrl+K / Cmd+K anywhere focuses the app bar's search box (decision 0027). One listener per circuit's layout.
export function listen(input) {
  const handler = (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === "k" || e.key === "K")) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  };
  document.addEventListener("keydown", handler);
  document.documentElement.dataset.searchShortcut = "ready";   // tests wait for this before pressing the keys
  return {
    dispose: () => {
      document.removeEventListener("keydown", handler);
      delete document.documentElement.dataset.searchShortcut;
    },
  };
}
