// "Run on the cluster": a checkbox and the members, for the Results view's ensemble and the Sensitivity view.
// GET /api/cluster says whether this workbench was started with a cluster (etw workbench --cluster HOST:PORT,...
// --secret-file F); the secret stays on the server. Without a cluster the checkbox is disabled and the note says how
// to configure one. With it, the view posts the same body to /api/cluster/ensemble or /api/cluster/sensitivity, whose
// answer is {result (what the local endpoint answers), members, membersWorking, notes}.

const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
let status = null;

/** The cluster's status, asked once per page. */
export function clusterStatus(wb) {
  status ||= wb.api('/api/cluster').catch(e => ({configured: false, members: [], membersFixed: true, note: e.message}));
  return status;
}

/**
 * Appends the controls to `container`; returns {run(kind, body)}: the local endpoint's answer, from the cluster
 * when the box is ticked (with `onCluster` set to how it ran), else from /api/<kind>.
 */
export function clusterControls(container, wb) {
  const box = document.createElement('span');
  box.className = 'cluster-controls';
  box.innerHTML = '<label title="Spread the runs over the members of a cluster of workbenches (etw node)">' +
    '<input type="checkbox" class="on-cluster" disabled> Run on the cluster</label> ' +
    '<input class="cluster-members" type="text" size="28" aria-label="Cluster members" hidden> ' +
    '<span class="cluster-note muted"></span>';
  container.appendChild(box);
  const check = box.querySelector('.on-cluster'), members = box.querySelector('.cluster-members'), note = box.querySelector('.cluster-note');
  clusterStatus(wb).then(s => {
    if (!s.configured) {
      note.textContent = s.note;
      note.classList.add('no-cluster');
      return;
    }
    check.disabled = false;
    members.value = s.members.join(',');
    members.readOnly = s.membersFixed;
    note.title = s.note;
    check.addEventListener('change', () => { members.hidden = !check.checked; });
  });
  return {
    onCluster: null,
    async run(kind, body) {
      this.onCluster = null;
      if (!check.checked) return wb.api('/api/' + kind, body);
      const a = await wb.api('/api/cluster/' + kind + '?members=' + encodeURIComponent(members.value), body);
      this.onCluster = `on ${a.membersWorking} of ${a.members.length} cluster member(s): ${a.members.join(', ')}`;
      note.innerHTML = a.notes.length ? `<details><summary>cluster log</summary>${a.notes.map(esc).join('<br>')}</details>` : '';
      return a.result;
    }
  };
}
