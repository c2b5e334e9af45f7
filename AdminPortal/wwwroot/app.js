// the viewer's time zone, for every time the server renders (ViewerClock); kept fresh on each load
(() => {
  try {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz) document.cookie = `tz=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`;
  } catch { /* no Intl: times stay in UTC, and say so */ }
})();

window.adminPortal = {
  rememberTheme(theme) {
    document.cookie = `theme=${theme}; path=/; max-age=31536000; samesite=lax`;
    document.body.classList.toggle("theme-dark", theme === "dark");
    document.body.classList.toggle("theme-light", theme !== "dark");
  },
};

// the bell's menu moves its focus on these keys (NotificationBell); they must not also scroll the page behind it
document.addEventListener("keydown", e => {
  if (["ArrowDown", "ArrowUp", "Home", "End"].includes(e.key) && e.target instanceof Element && e.target.closest("[role=menu].notification-menu"))
    e.preventDefault();
});
