// StatefulSet bars: desired / ready, policy, strategy, serviceName and revision on the first line;
// on the second, what the controller is doing or waiting for, with its status icon; a serviceName
// that gives pods no DNS names is flagged at the right.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import type { Box, Scene } from './geometry'
import { drawIcon } from './icons'
import type { SetView, Tone } from './model'
import { enter, leave, place, type Motion, type Sel } from './motion'
import { attrs, changed, fitEnd, part, setSurface, textWidth, label } from './surface'

type Bar = { key: string; set: SetView; box: Box }

export function drawBars(layer: Sel, sets: readonly SetView[], scene: Scene, m: Motion): void {
  const items: Bar[] = sets.flatMap((set) => {
    const geo = scene.sets.get(set.key)
    return geo ? [{ key: set.key, set, box: geo.bar }] : []
  })
  const groups = layer
    .selectAll<SVGGElement, Bar>(':scope > g.oc-set:not(.oc-leaving)')
    .data(items, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-set')
        g.append('g').attr('class', 'oc-body').append('rect').attr('class', 'oc-bar')
        return g.call(enter, m, 0)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(groups, (d) => d.box, m)
  groups.each(function (d) {
    const { slots: _slots, ...facts } = d.set
    if (!changed(this, [facts, d.box.w])) return
    renderBar(select<SVGGElement, Bar>(this), d)
  })
}

function renderBar(g: Sel<SVGGElement, Bar>, { set: s, box }: Bar): void {
  const problem = s.serviceProblem ? `${t('common.clauseSep')}${s.serviceProblem}` : ''
  const { name, ready, replicas, policy, activity } = s
  setSurface(g, {
    kind: 'StatefulSet',
    name: s.name,
    namespace: s.namespace,
    status: s.ready,
    interactive: true,
    label: t('canvas.set.label', { name, ready, replicas, policy, activity }) + problem,
  })
  const service = s.serviceName ? `serviceName ${s.serviceName}` : t('canvas.set.noService')
  renderBarChrome(g.select<SVGGElement>(':scope > .oc-body'), box, {
    eyebrow: 'STATEFULSET',
    name: s.name,
    ready: s.ready,
    facts: t('canvas.set.facts', {
      replicas,
      policy,
      strategy: s.strategy,
      service,
      revision: revisionText(s),
    }),
    warning: s.serviceProblem ? `⚠ ${s.serviceProblem}` : '',
    activity: s.activity,
    tone: s.activityTone,
  })
}

export interface BarText {
  readonly eyebrow: string
  readonly name: string
  readonly ready: string
  /** The rest of the first line, after `ready N/M`. */
  readonly facts: string
  /** Flagged at the right of the first line ('' for none). */
  readonly warning: string
  readonly activity: string
  readonly tone: Tone
}

/** A workload bar: eyebrow and name at the left; ready and facts, then the activity line with its icon. */
export function renderBarChrome(body: Sel, box: Box, bar: BarText): void {
  const { w, h } = box
  attrs(body.select('.oc-bar'), { width: w, height: h, rx: 14 })
  label(body, 'oc-eyebrow', 24, 27, bar.eyebrow, 12, 'bold')
  const name = fitEnd(bar.name, 300, 24, 'bold')
  label(body, 'oc-title', 24, 55, name, 24, 'bold')
  const left = 24 + Math.max(130, textWidth(name, 24, 'bold')) + 30
  const warningW = bar.warning ? Math.min(textWidth(bar.warning, 13.5, 'bold'), (w - left) * 0.5) : 0
  label(body, 'oc-problem', w - 24, 29, bar.warning, 13.5, 'bold', warningW).attr('text-anchor', 'end')
  const stats = label(body, 'oc-stat', left, 29, '', 16)
  const ready = t('canvas.set.ready', { ready: bar.ready })
  stats.append('tspan').attr('class', 'oc-strong').text(ready)
  const restW = w - left - 24 - warningW - 24 - textWidth(ready, 16, 'bold')
  stats
    .append('tspan')
    .attr('class', 'oc-meta')
    .text(fitEnd(bar.facts, restW, 14))
  const icon = part<SVGGElement>(body, 'g', 'oc-act-icon').attr('transform', `translate(${left + 8},50)`)
  icon.attr('class', `oc-act-icon oc-tone-${bar.tone}`)
  drawIcon(icon, bar.tone, 8.5)
  label(body, 'oc-activity', left + 24, 55, bar.activity, 15, 'bold', w - left - 48).attr(
    'class',
    `oc-activity oc-tone-${bar.tone}`,
  )
}

/** `revision 2`, or during a rollout `revision 1 → 2 (2 to update)`. */
function revisionText(s: SetView): string {
  const n = (r: number | undefined) => (r === undefined ? '?' : String(r))
  if (s.updateRevision === undefined && !s.revision) return t('canvas.set.noRevision')
  const pending = [
    s.outdated > 0 ? t('canvas.set.toUpdate', { count: s.outdated }) : '',
    s.heldOutdated > 0 ? t('canvas.set.held', { count: s.heldOutdated }) : '',
  ].filter(Boolean)
  if (pending.length)
    return t('canvas.set.revisionChange', {
      from: n(s.currentRevision),
      to: n(s.updateRevision),
      pending: pending.join(t('common.listSep')),
    })
  return t('canvas.set.revision', { revision: n(s.updateRevision) })
}
