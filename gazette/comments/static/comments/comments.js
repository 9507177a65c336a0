// Comments on the cached article page: reveal the form, fetch its signed token, reply, and
// announce the moderation notice. Without this script the form is visible and still works.
(() => {
  const section = document.getElementById("commentaires");
  if (!section) return;
  const notice = document.getElementById("commentaire-en-attente");
  if (notice && location.hash === "#" + notice.id) {
    // Shown by :target; written again so that screen readers announce the live region.
    const text = notice.textContent;
    notice.textContent = "";
    setTimeout(() => { notice.textContent = text; }, 150);
  }
  const area = document.getElementById("laisser-un-commentaire");
  const form = area && area.querySelector("form");
  if (!form) return;
  const open = section.querySelector(".comment-open");
  const replying = form.querySelector(".comment-replying");
  const fields = form.elements;
  let request = null;

  const fetchToken = () => {
    request = request || fetch(section.dataset.tokenUrl, { cache: "no-store" })
      .then((response) => response.json())
      .then((data) => { fields.token.value = data.token || ""; })
      .catch(() => {}); // the server then asks the reader to confirm: nothing is lost
    return request;
  };
  const show = (focus) => {
    section.classList.add("is-open");
    area.hidden = false;
    open.hidden = true;
    fetchToken();
    focus.focus();
  };

  if (location.hash === "#" + area.id) {
    fetchToken();
  } else {
    area.hidden = true;
    open.hidden = false;
  }
  open.addEventListener("click", () => show(fields.name));
  form.addEventListener("focusin", fetchToken);
  form.addEventListener("submit", (event) => {
    if (fields.token.value) return;
    event.preventDefault();
    fetchToken().then(() => form.submit());
  });
  section.addEventListener("click", (event) => {
    const link = event.target.closest("[data-reply]");
    if (!link) return;
    event.preventDefault();
    fields.parent.value = link.dataset.reply;
    replying.querySelector("strong").textContent = link.dataset.author;
    replying.hidden = false;
    show(fields.text);
  });
  replying.querySelector("button").addEventListener("click", () => {
    fields.parent.value = "";
    replying.hidden = true;
    fields.text.focus();
  });
})();
