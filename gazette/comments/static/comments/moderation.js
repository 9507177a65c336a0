// Moderation from the keyboard, as documented beside the queue and the dashboard panel:
// J / K move to the next / previous comment, A approves, S marks as spam, C bins, U undoes.
// Each key presses a real button, so the POST, its CSRF token and the permission check are
// those of a click.
(() => {
  const row = (element) => element.closest("tr, li")?.querySelector("[data-moderation-row]");
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    const key = event.key.toLowerCase();
    const rows = [...document.querySelectorAll("[data-moderation-row]")];
    const current = row(event.target);
    let button = null;
    if (key === "u") {
      button = document.querySelector('.moderation-undo [data-moderation-key="u"]');
    } else if ((key === "j" || key === "k") && rows.length) {
      const index = rows.indexOf(current);
      const next = index < 0 ? 0 : index + (key === "j" ? 1 : -1);
      rows[Math.max(0, Math.min(rows.length - 1, next))].querySelector("button")?.focus();
      event.preventDefault();
      return;
    } else if (current) {
      button = current.querySelector(`[data-moderation-key="${key}"]`);
    }
    if (button) {
      event.preventDefault();
      button.click();
    }
  });
})();
