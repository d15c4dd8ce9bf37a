// Models view: one job, what each installed model is: its inputs, outputs and parameters with their descriptions,
// ranges and sources. Bundles (state, version, where a jar came from, start and stop) and what was left out, with
// the reason, are the Plugins view's job: each model names its bundle with a link there. It follows the server: a
// jar added to or removed from plugins/ shows within seconds.

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
const num = v => Number.isFinite(v) ? String(+v.toPrecision(6)) : '';

export default {
  async mount(el, wb) {
    wb.wants?.(el, []); // shows no run values: a run's answer need not carry them for this view
    async function render() {
      let data;
      try {
        data = await wb.api('/api/models');
      } catch (e) {
        el.textContent = 'Models could not be listed: ' + e.message;
        return;
      }
      const open = new Set([...el.querySelectorAll('details.model[open]')].map(d => d.dataset.model));
      el.innerHTML = `<h2>Installed models (${data.models.length})</h2>
        <p class="muted to-plugins">What each model reads, writes and lets you set. Bundles, their state, and what was left out and why:
          <a href="#" data-perspective="plugins">Plugins view</a>${data.leftOut.length ? ` (${data.leftOut.length} left out)` : ''}.</p>` + data.models.map(m => `
        <details class="model" data-model="${esc(m.id)}"${open.has(m.id) ? ' open' : ''}>
          <summary>${esc(m.title)}${m.plugin ? ' <span class="badge">plugin</span>' : ''}</summary>
          <p class="muted">${esc(m.id)} · from bundle <a href="#" data-perspective="plugins" data-bundle="${esc(m.bundle)}">${esc(m.bundle)} ${esc(m.bundleVersion)}</a></p>
          ${m.description ? `<p class="muted">${esc(m.description)}</p>` : ''}
          <h3>Reads</h3>
          <table class="list">${m.inputs.map(i => `<tr><td>${esc(i.variable)}${i.lag ? ` <span class="badge">lag ${i.lag}</span>` : ''}</td>
            <td>${esc(i.unit)}</td><td class="muted">${esc(i.description)}</td></tr>`).join('') || '<tr><td class="muted">nothing</td></tr>'}</table>
          <h3>Writes</h3>
          <table class="list">${m.outputs.map(o => `<tr><td>${esc(o.variable)}</td><td>${esc(o.unit)}</td>
            <td class="muted">${esc(o.description)}</td></tr>`).join('')}</table>
          <h3>Parameters</h3>
          <table class="list"><tr><th>name</th><th>default</th><th>range</th><th>unit</th></tr>
          ${m.parameters.map(p => `<tr><td title="${esc(p.source)}"><b>${esc(p.name)}</b><br><span class="muted">${esc(p.description)}
            <br>Source: ${esc(p.source)}</span></td><td>${num(p.default)}</td><td>${num(p.min)} – ${num(p.max)}</td>
            <td>${esc(p.unit)}</td></tr>`).join('')}</table>
        </details>`).join('');
    }

    /** Opens one model's details (the Plugins view links its models here). */
    function show(id) {
      const d = [...el.querySelectorAll('details.model')].find(x => x.dataset.model === id);
      if (!d) return;
      d.open = true;
      d.scrollIntoView({block: 'start'});
    }

    el.addEventListener('click', e => {
      const a = e.target.closest('a[data-perspective]');
      if (!a) return;
      e.preventDefault();
      wb.showPerspective?.('plugins');
      wb.showView?.('etw.workbench.plugins');
      if (a.dataset.bundle) { wb.state.showBundle = a.dataset.bundle; wb.emit('show-bundle', a.dataset.bundle); }
    });
    wb.on('show-model', id => { render().then(() => show(id)); });
    wb.on('models', render);
    await render();
    if (wb.state.showModel) show(wb.state.showModel); // asked for before this view was loaded
  },
};
