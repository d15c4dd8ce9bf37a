// Plugins view: one job, the bundles: every bundle that gives models and every bundle installed from plugins/, with
// its state, version, where it came from, the models it contributes (each a link to its inputs, outputs and
// parameters in the Models view) and why it (or one of its models) was left out; jars that never became a bundle,
// with their reason. Start and stop buttons work only from the machine the workbench runs on: the server checks each
// request (GET /api/plugins says whether this page may, POST /api/plugins/{id}/start|stop refuses otherwise).

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);

export default {
  async mount(el, wb) {
    wb.wants?.(el, []); // shows no run values: a run's answer need not carry them for this view
    let busy = false;

    async function render() {
      let data;
      try {
        data = await wb.api('/api/plugins');
      } catch (e) {
        el.textContent = 'The bundles could not be listed: ' + e.message;
        return;
      }
      const row = b => {
        const active = b.state === 'ACTIVE';
        const button = `<button class="${active ? 'stop' : 'start'}" data-id="${b.id}" data-action="${active ? 'stop' : 'start'}"
          ${data.control ? '' : 'disabled'} title="${esc(data.control ? (active ? 'Stop' : 'Start') + ' bundle ' + b.symbolicName : data.controlNote)}">${active ? 'Stop' : 'Start'}</button>`;
        return `<tr class="bundle${b.leftOut.length ? ' left-out' : ''}" data-bundle="${esc(b.symbolicName)}" data-state="${esc(b.state)}">
          <td><b>${esc(b.symbolicName)}</b><br><span class="muted">${esc(b.location)}${b.plugin ? ' · plugin' : ''}</span></td>
          <td>${esc(b.version)}</td>
          <td><span class="badge ${esc(b.state)}">${esc(b.state)}</span></td>
          <td class="models">${b.models.length ? b.models.map(m => `<div><a href="#" data-model="${esc(m)}" title="Its inputs, outputs and parameters (Models view)">${esc(m)}</a></div>`).join('') : '<span class="muted">none now</span>'}</td>
          <td class="reason">${b.leftOut.map(r => `<div>${esc(r)}</div>`).join('')}</td>
          <td>${button}</td></tr>`;
      };
      el.innerHTML = `<h2>Bundles (${data.installed.length})</h2>
        <p class="control-note${data.control ? '' : ' refused'}">${esc(data.controlNote)}</p>
        <table class="bundles"><thead><tr><th>Bundle</th><th>Version</th><th>State</th><th>Models it contributes</th>
          <th>Why it was left out</th><th></th></tr></thead><tbody>${data.installed.map(row).join('')}</tbody></table>
        <h2>Not installed (${data.notInstalled.length})</h2>` +
        (data.notInstalled.length ? `<table class="bundles not-installed"><thead><tr><th>Where</th><th>Why</th></tr></thead><tbody>
          ${data.notInstalled.map(x => `<tr class="left-out"><td>${esc(x.place || '(no bundle)')}</td><td class="reason">${esc(x.reason)}</td></tr>`).join('')}
          </tbody></table>`
          : '<p class="muted">Every jar in plugins/ became a bundle. Drop a model bundle (.jar) into plugins/ and it appears here.</p>');
    }

    el.addEventListener('click', async e => {
      const link = e.target.closest('a[data-model]');
      if (link) {
        e.preventDefault();
        wb.state.showModel = link.dataset.model;
        wb.showView?.('etw.workbench.models');
        wb.emit('show-model', link.dataset.model);
        return;
      }
      const b = e.target.closest('button[data-action]');
      if (!b || busy) return;
      busy = true;
      b.disabled = true;
      try {
        const r = await wb.api(`/api/plugins/${b.dataset.id}/${b.dataset.action}`, {});
        wb.status(`Bundle ${r.symbolicName}: ${r.state}`);
      } catch (err) {
        wb.showError(err.message);
      } finally {
        busy = false;
        await render();
      }
    });
    const showBundle = name => {
      const row = [...el.querySelectorAll('tr.bundle')].find(r => r.dataset.bundle === name);
      if (row) { row.scrollIntoView({block: 'center'}); row.classList.add('flash'); setTimeout(() => row.classList.remove('flash'), 1500); }
    };
    wb.on('show-bundle', showBundle);
    wb.on('models', render);
    await render();
    if (wb.state.showBundle) showBundle(wb.state.showBundle); // asked for before this view was loaded
  },
};
