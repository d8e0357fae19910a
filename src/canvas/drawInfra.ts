// The bottom of the picture: StorageClasses (who provisions claims, and when) and the nodes with
// the pods each one runs; plus the hint shown while nothing of the learner's is applied.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import type { Box, Scene } from './geometry'
import { drawIcon } from './icons'
import type { NodeView, StorageClassView, Tone } from './model'
import { NODE_MONITOR_GRACE_PERIOD_MS } from '../sim/controllers/nodelifecycle/nodeLifecycleController'
import { enter, leave, place, type Motion, type Sel } from './motion'
import { attrs, changed, fitEnd, part, setSurface, setTone } from './surface'

type Item<T> = { key: string; item: T; box: Box }
const CHIP_W = 82
const PER_ROW = 3
const CHIPS = 9

function join<T>(layer: Sel, cls: string, items: Item<T>[], m: Motion): Sel<SVGGElement, Item<T>> {
  const groups = layer
    .selectAll<SVGGElement, Item<T>>(`:scope > g.${cls}:not(.oc-leaving)`)
    .data(items, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', cls)
        g.append('g').attr('class', 'oc-body').append('rect').attr('class', 'oc-card')
        return g.call(enter, m, 0)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(groups, (d) => d.box, m)
  return groups
}

const placed = <T extends { key: string }>(list: readonly T[], boxes: ReadonlyMap<string, Box>): Item<T>[] =>
  list.flatMap((item) => {
    const box = boxes.get(item.key)
    return box ? [{ key: item.key, item, box }] : []
  })

export function drawInfra(
  layer: Sel,
  classes: readonly StorageClassView[],
  nodes: readonly NodeView[],
  scene: Scene,
  m: Motion,
): void {
  join(layer, 'oc-class', placed(classes, scene.storageClasses), m).each(function (d) {
    if (!changed(this, [d.item, d.box.w])) return
    const sc = d.item
    const g = select<SVGGElement, Item<StorageClassView>>(this)
    const facts = t('canvas.infra.classFacts', {
      provisioner: sc.provisioner,
      binding: sc.bindingMode,
      policy: sc.reclaimPolicy,
    })
    const isDefault = sc.isDefault ? t('canvas.infra.isDefault') : ''
    setSurface(g, {
      kind: 'StorageClass',
      name: sc.name,
      status: sc.bindingMode,
      interactive: true,
      label: t('canvas.infra.classLabel', { name: sc.name, isDefault, facts }),
    })
    const body = g.select<SVGGElement>(':scope > .oc-body')
    body.select('.oc-card').attr('width', d.box.w).attr('height', d.box.h).attr('rx', 10)
    const text = part<SVGTextElement>(body, 'text', 'oc-class-text')
      .attr('x', 20)
      .attr('y', d.box.h / 2 + 5)
      .text('')
    text.append('tspan').attr('class', 'oc-eyebrow').text('STORAGECLASS  ')
    text.append('tspan').attr('class', 'oc-strong').text(`${sc.name}${isDefault}`)
    text.append('tspan').text(`   ${facts}`)
  })

  join(layer, 'oc-node', placed(nodes, scene.nodes), m).each(function (d) {
    const n = d.item
    const g = select<SVGGElement, Item<NodeView>>(this)
    const body = g.select<SVGGElement>(':scope > .oc-body')
    if (changed(this, [n.name, n.status, n.stopped, n.cordoned, n.zone, n.pods.length, d.box.w, d.box.h])) {
      const tone = nodeTone(n)
      const stopped = n.stopped
        ? t('canvas.infra.stopped') + (n.status.startsWith('Ready') ? t('canvas.infra.unnoticed') : '')
        : ''
      const facts = { name: n.name, status: n.status, stopped, count: n.pods.length }
      setSurface(g, {
        kind: 'Node',
        name: n.name,
        status: n.status,
        interactive: true,
        label: n.pods.length
          ? t('canvas.infra.nodeLabelPods', {
              ...facts,
              pods: n.pods.map((p) => p.name).join(t('common.listSep')),
            })
          : t('canvas.infra.nodeLabel', facts),
      })
      g.attr('data-stopped', n.stopped ? 'true' : null).classed('oc-node-stopped', n.stopped)
      setTone(g, tone)
      body.select('.oc-card').attr('width', d.box.w).attr('height', d.box.h).attr('rx', 12)
      drawIcon(part<SVGGElement>(body, 'g', 'oc-icon').attr('transform', 'translate(24,26)'), tone, 9)
      part<SVGTextElement>(body, 'text', 'oc-name').attr('x', 40).attr('y', 31).text(n.name)
      part<SVGTextElement>(body, 'text', 'oc-node-meta')
        .attr('x', d.box.w - 16)
        .attr('y', 31)
        .attr('text-anchor', 'end')
        .text(t('canvas.infra.nodeMeta', { status: n.status, zone: n.zone, count: n.pods.length }))
      part<SVGTextElement>(body, 'text', 'oc-empty')
        .attr('x', 16)
        .attr('y', 70)
        .text(n.pods.length ? '' : t('canvas.infra.noPods'))
      part<SVGTextElement>(body, 'text', 'oc-node-note')
        .attr('x', 16)
        .attr('y', d.box.h - 12)
        .text(nodeNote(n))
    }
    drawChips(body, n, m)
  })
}

type Chip = { key: string; name: string; tone: NodeView['pods'][number]['tone']; i: number }

function drawChips(body: Sel, n: NodeView, m: Motion): void {
  const over = n.pods.length > CHIPS
  const shown = over ? n.pods.slice(0, CHIPS - 1) : n.pods
  const chips: Chip[] = shown.map((p, i) => ({ key: p.uid, name: p.name, tone: p.tone, i }))
  if (over)
    chips.push({ key: 'more', name: `+${n.pods.length - shown.length}`, tone: 'idle', i: chips.length })
  const groups = body
    .selectAll<SVGGElement, Chip>(':scope > g.oc-chip:not(.oc-leaving)')
    .data(chips, (c) => c.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-chip').attr('aria-hidden', 'true')
        const inner = g.append('g').attr('class', 'oc-body')
        inner.append('rect').attr('width', CHIP_W).attr('height', 22).attr('rx', 11)
        inner.append('g').attr('transform', 'translate(12,11)')
        inner.append('text').attr('x', 22).attr('y', 15.5)
        return g.call(enter, m, 0)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(
    groups,
    (c) => ({
      x: 14 + (c.i % PER_ROW) * (CHIP_W + 8),
      y: 50 + Math.floor(c.i / PER_ROW) * 27,
      w: CHIP_W,
      h: 22,
    }),
    m,
  )
  groups.each(function (c) {
    if (!changed(this, [c.name, c.tone])) return
    const g = select<SVGGElement, Chip>(this)
    setTone(g, c.tone)
    const inner = g.select<SVGGElement>(':scope > .oc-body')
    drawIcon(inner.select<SVGGElement>(':scope > g'), c.tone, 5.5)
    inner.select('text').text(fitEnd(c.name, CHIP_W - 28, 11.5, 'monobold'))
  })
}

export function drawHint(layer: Sel, hint: Box | undefined): void {
  const groups = layer
    .selectAll<SVGGElement, Box>(':scope > g.oc-hint:not(.oc-leaving)')
    .data(hint ? [hint] : [])
    .join((e) => {
      const g = e.append('g').attr('class', 'oc-hint')
      g.append('rect')
      g.append('text').attr('class', 'oc-hint-title').attr('x', 32).attr('y', 50)
      g.append('text').attr('class', 'oc-hint-text oc-hint-apply').attr('x', 32).attr('y', 82)
      g.append('text').attr('class', 'oc-hint-text oc-hint-slots').attr('x', 32).attr('y', 106)
      return g
    })
  groups.each(function (b) {
    if (!changed(this, b)) return
    const g = select(this).attr('transform', `translate(${b.x},${b.y})`)
    attrs(g.select('rect'), { width: b.w, height: b.h, rx: 16 })
    g.select('.oc-hint-title').text(t('canvas.hint.title'))
    g.select('.oc-hint-apply').text(t('canvas.hint.apply'))
    g.select('.oc-hint-slots').text(t('canvas.hint.slots'))
  })
}

/** Ready is ok; cordoned or a silent kubelet the control plane has not noticed yet is a warning; NotReady is bad. */
function nodeTone(n: NodeView): Tone {
  if (!n.status.startsWith('Ready')) return 'bad'
  return n.stopped || n.cordoned ? 'warn' : 'ok'
}

function nodeNote(n: NodeView): string {
  const grace = NODE_MONITOR_GRACE_PERIOD_MS / 1000
  if (n.stopped && n.status.startsWith('Ready')) return t('canvas.infra.notNoticed', { grace })
  // StatefulSet pods stay until force-deleted; a Deployment's are replaced once evicted (after 300 s).
  if (n.stopped) return t('canvas.infra.evicted')
  if (!n.status.startsWith('Ready')) return ''
  return n.cordoned ? t('canvas.infra.cordoned') : ''
}
