// DNS signposts above the slots: a record (`web-0.nginx.default.svc.cluster.local → IP`, keyed by
// its name) while the tenant is Ready, else a dashed NXDOMAIN placeholder keyed by the slot. A
// record that comes back pointing somewhere new flashes and says what it pointed to before.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import type { Placed } from './drawables'
import type { DnsRecordView } from './model'
import { enter, flash, leave, place, type Motion, type Sel } from './motion'
import { changed, fitEnd, fitMiddle, label, setSurface } from './surface'

export interface DnsMemory {
  /** Last answer drawn for each record name. */
  readonly answers: Map<string, string>
}

type Absent = { readonly name: string; readonly note: string }

export function drawSignposts(
  layer: Sel,
  items: readonly Placed<DnsRecordView>[],
  m: Motion,
  memory: DnsMemory,
): void {
  const groups = layer
    .selectAll<SVGGElement, Placed<DnsRecordView>>(':scope > g.oc-record:not(.oc-leaving)')
    .data(items, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-record')
        const body = g.append('g').attr('class', 'oc-body')
        body.append('rect').attr('class', 'oc-sign')
        body.append('rect').attr('class', 'oc-flash').attr('opacity', 0)
        return g.call(enter, m, -8)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(groups, (d) => d.box, m)
  groups.each(function (d) {
    const g = select<SVGGElement, Placed<DnsRecordView>>(this)
    const r = d.item
    const answer = r.answers.join(', ')
    const before = memory.answers.get(r.name)
    memory.answers.set(r.name, answer)
    if (!changed(this, [r, d.box.w, d.tier])) return
    setSurface(g, {
      kind: 'DNSRecord',
      name: r.name,
      status: `${r.type} ${answer}`,
      label: t('canvas.dns.label', { name: r.name, type: r.type, answer }),
    })
    const body = g.select<SVGGElement>(':scope > .oc-body')
    const { w, h } = d.box
    body
      .select('.oc-sign')
      .attr('width', w)
      .attr('height', h)
      .attr('rx', h / 2 > 16 ? 14 : h / 2)
    const flashRect = body
      .select('.oc-flash')
      .attr('width', w)
      .attr('height', h)
      .attr('rx', h / 2 > 16 ? 14 : h / 2)
    const repointed = before !== undefined && before !== answer
    if (d.tier === 'compact') {
      const short = r.podName ?? r.name.split('.')[0]!
      label(body, 'oc-mono', 12, 20, `${short} → ${answer}`, 12.5, 'monobold', w - 20)
    } else {
      label(body, 'oc-fqdn', 16, 19, fitMiddle(r.name, w - 30, 11.5), 11.5, 'mono')
      const line = label(body, 'oc-answer', 16, 39, '', 16, 'monobold')
      line.append('tspan').attr('class', 'oc-type').text(`${r.type}  `)
      line.append('tspan').text(fitEnd(answer, w - 70, 16, 'monobold'))
      // "was …" shows only while the flash lasts (never under reduced motion): history decorates.
      const was = label(
        body,
        'oc-was',
        w - 14,
        39,
        repointed ? t('canvas.dns.was', { before }) : '',
        11,
        'mono',
      )
      was.attr('text-anchor', 'end').attr('opacity', 0)
      if (repointed) flash(was, m)
    }
    if (repointed) flash(flashRect, m)
  })
}

export function drawAbsent(layer: Sel, items: readonly Placed<Absent>[], m: Motion): void {
  const groups = layer
    .selectAll<SVGGElement, Placed<Absent>>(':scope > g.oc-absent:not(.oc-leaving)')
    .data(items, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-absent').attr('role', 'img')
        g.append('g').attr('class', 'oc-body').append('rect').attr('class', 'oc-sign')
        return g.call(enter, m, 0)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(groups, (d) => d.box, m)
  groups.each(function (d) {
    if (!changed(this, [d.item, d.box.w, d.tier])) return
    const g = select<SVGGElement, Placed<Absent>>(this)
    const { name, note } = d.item
    g.attr('aria-label', t('canvas.dns.absent', { name, note }))
    const body = g.select<SVGGElement>(':scope > .oc-body')
    const { w, h } = d.box
    body
      .select('.oc-sign')
      .attr('width', w)
      .attr('height', h)
      .attr('rx', h / 2 > 16 ? 14 : h / 2)
    if (d.tier === 'compact') {
      label(body, 'oc-mono', 12, 20, `${name.split('.')[0]} → NXDOMAIN`, 12.5, 'mono', w - 20)
      return
    }
    label(body, 'oc-fqdn', 16, 19, fitMiddle(name, w - 30, 11.5), 11.5, 'mono')
    label(body, 'oc-nx', 16, 38, `NXDOMAIN · ${note}`, 13.5, 'sans', w - 30)
  })
}
