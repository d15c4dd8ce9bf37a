// Models view: the installed model bundles (name, version, state), each model's inputs, outputs and parameters
// with their documentation. It follows the server: a jar added to or removed from plugins/ shows within seconds.

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
      const plugins = data.bundles.filter(b => b.location.startsWith('plugins/'));
      el.innerHTML = `<h2>Installed models (${data.models.length})</h2>` + data.models.map(m => `
        <details class="model" data-model="${esc(m.id)}">
          <summary>${esc(m.title)} <span class="badge ${esc(m.state)}">${esc(m.state)}</span></summary>
          <p class="muted">${esc(m.id)} · bundle ${esc(m.bundle)} ${esc(m.bundleVersion)}</p>
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
        </details>`).join('') +
        `<h2>Plugin bundles (plugins/)</h2>` + (plugins.length ? `<table class="list">${plugins.map(b => `<tr>
          <td>${esc(b.symbolicName)}</td><td>${esc(b.version)}</td><td><span class="badge ${esc(b.state)}">${esc(b.state)}</span></td>
          <td class="muted">${esc(b.location)}</td></tr>`).join('')}</table>`
          : '<p class="muted">None. Drop a model bundle (.jar) into plugins/ and it appears here.</p>') +
        (data.leftOut.length ? `<h3>Left out</h3><ul class="problems">${data.leftOut.map(p => `<li>${esc(p)}</li>`).join('')}</ul>` : '');
    }
    wb.on('models', render);
    await render();
  },
};
