window.adminPortal = {
  circuitReady() {
    document.documentElement.dataset.circuit = "ready";
  },
  rememberTheme(theme) {
    document.cookie = `theme=${theme}; path=/; max-age=31536000; samesite=lax`;
    document.body.classList.toggle("theme-dark", theme === "dark");
    document.body.classList.toggle("theme-light", theme !== "dark");
  },
};
