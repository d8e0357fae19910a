// Deployment bars and ReplicaSet row labels — the comparison with a StatefulSet's slots: no
// ordinals, no seats; each ReplicaSet is one template revision whose pods have random names.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import type { Box, Scene } from './geometry'
import { renderBarChrome } from './drawBars'
import type { DeploymentView, ReplicaSetView } from './model'
import { enter, leave, place, type Motion, type Sel } from './motion'
import { attrs, changed, label, part, setSurface, textWidth } from './surface'

type Bar = { key: string; d: DeploymentView; box: Box }
type Row = { key: string; rs: ReplicaSetView; box: Box }

export function drawDeployments(
  layer: Sel,
  deployments: readonly DeploymentView[],
  scene: Scene,
  m: Motion,
): void {
  const bars: Bar[] = []
  const rows: Row[] = []
  for (const d of deployments) {
    const geo = scene.deployments.get(d.key)
    if (!geo) continue
    bars.push({ key: d.key, d, box: geo.bar })
    for (const rs of d.replicaSets) {
      const box = geo.rows.get(rs.key)
      if (box) rows.push({ key: rs.key, rs, box })
    }
  }
  const groups = layer
    .selectAll<SVGGElement, Bar>(':scope > g.oc-deploy:not(.oc-leaving)')
    .data(bars, (b) => b.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-deploy oc-set')
        g.append('g').attr('class', 'oc-body').append('rect').attr('class', 'oc-bar')
        return g.call(enter, m, 0)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(groups, (b) => b.box, m)
  groups.each(function (b) {
    const { replicaSets: _rs, claims: _claims, ...facts } = b.d
    if (!changed(this, [facts, b.box.w])) return
    renderBar(select<SVGGElement, Bar>(this), b)
  })
  const labels = layer
    .selectAll<SVGGElement, Row>(':scope > g.oc-rs:not(.oc-leaving)')
    .data(rows, (r) => r.key)
    .join(
      (e) => e.append('g').attr('class', 'oc-rs').call(enter, m, 0),
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(labels, (r) => r.box, m)
  labels.each(function (r) {
    if (
      !changed(this, [
        r.rs.name,
        r.rs.revision,
        r.rs.current,
        r.rs.desired,
        r.rs.ready,
        r.rs.pods.length,
        r.box.w,
      ])
    )
      return
    const g = select<SVGGElement, Row>(this)
      .attr('data-kind', 'ReplicaSet')
      .attr('data-name', r.rs.name)
      .classed('oc-rs-old', !r.rs.current)
    const revision =
      r.rs.revision === undefined ? '' : t('canvas.deployment.revision', { revision: r.rs.revision })
    const what = t(r.rs.current ? 'canvas.deployment.current' : 'canvas.deployment.old')
    const { name, ready, desired } = r.rs
    const text = t('canvas.deployment.replicaSet', { name, revision, ready, desired, what })
    label(g, 'oc-rs-text', 0, 16, text, 13, 'bold', r.box.w)
    attrs(part<SVGLineElement>(g, 'line', 'oc-rs-rule'), {
      x1: Math.min(r.box.w, textWidth(text, 13, 'bold') + 12),
      x2: r.box.w,
      y1: 12,
      y2: 12,
    })
  })
}

function renderBar(g: Sel<SVGGElement, Bar>, { d, box }: Bar): void {
  setSurface(g, {
    kind: 'Deployment',
    name: d.name,
    namespace: d.namespace,
    status: d.ready,
    interactive: true,
    label: t('canvas.deployment.label', {
      name: d.name,
      ready: d.ready,
      replicas: d.replicas,
      activity: d.activity,
    }),
  })
  renderBarChrome(g.select<SVGGElement>(':scope > .oc-body'), box, {
    eyebrow: 'DEPLOYMENT',
    name: d.name,
    ready: d.ready,
    facts: t('canvas.deployment.facts', {
      replicas: d.replicas,
      strategy: d.strategy,
      revision: d.revision ?? '—',
    }),
    warning: '',
    activity: d.activity,
    tone: d.activityTone,
  })
}
