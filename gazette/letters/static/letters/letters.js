// The newsletter form on cached pages: fetch its signed token when the reader starts filling
// it in. Without this script the form still works: the server asks for one more click.
(() => {
  for (const form of document.querySelectorAll("form.letter-form")) {
    let request = null;
    const fetchToken = () => {
      request = request || fetch(form.dataset.tokenUrl, { cache: "no-store" })
        .then((response) => response.json())
        .then((data) => { form.elements.token.value = data.token || ""; })
        .catch(() => {});
      return request;
    };
    form.addEventListener("focusin", fetchToken);
    form.addEventListener("submit", (event) => {
      if (form.elements.token.value) return;
      event.preventDefault();
      fetchToken().then(() => form.submit());
    });
  }
})();
