// Progressive enhancement for a reflection session's page: the count of answers updates by itself,
// and the page reloads when the session is closed or opened elsewhere. Without JavaScript the page
// has a refresh link.
const region = document.querySelector('[data-live-url]');
if (region) {
  const answered = region.querySelector('[data-answered]');
  const poll = async () => {
    try {
      const response = await fetch(region.dataset.liveUrl, { headers: { accept: 'application/json' } });
      if (!response.ok) return;
      const state = await response.json();
      if (state.status !== region.dataset.status) window.location.reload();
      else if (answered && answered.textContent !== state.text) answered.textContent = state.text;
    } catch {
      // Offline for a moment: try again at the next tick.
    }
  };
  setInterval(poll, 4000);
}
