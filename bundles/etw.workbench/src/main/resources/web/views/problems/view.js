// Problems view: what the user should know before trusting a result. Plugins and models left out of every
// scenario, with the reason (/api/models "leftOut", as `etw models` lists them), and the current run's warnings
// (plugins left out of this scenario, unread data, likely typos) with the plugins that took part.

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
const items = list => `<ul class="problems">${list.map(p => `<li>${esc(p)}</li>`).join('')}</ul>`;

export default {
  async mount(el, wb) {
    let leftOut = [];
    function draw() {
      const r = wb.state.results;
      const warnings = r?.warnings || [];
      const plugins = r?.plugins || [];
      el.innerHTML =
        `<h2>Left out (${leftOut.length})</h2>` +
        (leftOut.length ? items(leftOut) : '<p class="muted">Every installed plugin and model is available.</p>') +
        `<h2>This run${r ? ': ' + esc(r.scenario) : ''}</h2>` +
        (r ? `<p class="muted">Plugins that took part: ${plugins.length ? plugins.map(esc).join(', ') : 'none'}</p>` : '') +
        (warnings.length ? `<h3>Warnings (${warnings.length})</h3>` + items(warnings)
          : `<p class="muted">${r ? 'No warnings.' : 'No run yet.'}</p>`);
    }
    async function refresh() {
      try {
        leftOut = (await wb.api('/api/models')).leftOut;
      } catch (e) {
        leftOut = ['The list could not be read: ' + e.message];
      }
      draw();
    }
    wb.on('results', draw);
    wb.on('models', refresh);
    await refresh();
  },
};
