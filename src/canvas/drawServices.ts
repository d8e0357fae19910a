// Services at the top: a card with type, selector and ports, and beside it the DNS zone with the
// service-level records you could type into nslookup (the name → every Ready address, and the
// SRV records naming each pod), or NXDOMAIN while no endpoint is Ready.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import { answerParts } from './dns'
import type { Scene } from './geometry'
import type { DnsRecordView, ServiceView } from './model'
import { enter, leave, place, type Motion, type Sel } from './motion'
import { attrs, changed, fitEnd, fitMiddle, part, setSurface, textWidth, label } from './surface'

type Item = { key: string; svc: ServiceView; geo: NonNullable<ReturnType<Scene['services']['get']>> }
type Row = { key: string; record?: DnsRecordView; y: number; w: number; fqdn: string; nameW: number }

const ROW0 = 54
const ROW_H = 26

export function drawServices(layer: Sel, services: readonly ServiceView[], scene: Scene, m: Motion): void {
  const items: Item[] = services.flatMap((svc) => {
    const geo = scene.services.get(svc.key)
    return geo ? [{ key: svc.key, svc, geo }] : []
  })
  const groups = layer
    .selectAll<SVGGElement, Item>(':scope > g.oc-service:not(.oc-leaving)')
    .data(items, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-service')
        const card = g.append('g').attr('class', 'oc-svc-card')
        card.append('g').attr('class', 'oc-body').append('rect').attr('class', 'oc-card')
        g.append('g').attr('class', 'oc-zone').append('rect').attr('class', 'oc-zone-bg')
        return g.call(enter, m, 0)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  groups.each(function (d) {
    const g = select<SVGGElement, Item>(this)
    const card = g.select<SVGGElement>(':scope > .oc-svc-card')
    place(card, () => d.geo.card, m)
    if (changed(card.node()!, [d.svc, d.geo.card])) renderCard(card, d)
    const zone = g.select<SVGGElement>(':scope > .oc-zone')
    place(zone, () => d.geo.zone, m)
    renderZone(zone, d, m)
  })
}

function renderCard(card: Sel, { svc, geo }: Item): void {
  const { w, h } = geo.card
  setSurface(card, {
    kind: 'Service',
    name: svc.name,
    namespace: svc.namespace,
    status: svc.status,
    interactive: true,
    label: t('canvas.service.label', {
      name: svc.name,
      type: svc.headless ? t('canvas.service.headless') : svc.type,
      ip: svc.clusterIP,
      selector: svc.selector,
    }),
  })
  const body = card.select<SVGGElement>(':scope > .oc-body')
  attrs(body.select('.oc-card'), { width: w, height: h, rx: 14 })
  label(
    body,
    'oc-eyebrow',
    20,
    27,
    `SERVICE · ${svc.headless ? t('canvas.service.headlessEyebrow') : svc.type.toUpperCase()}`,
    12,
    'bold',
  )
  label(body, 'oc-title', 20, 55, svc.name, 24, 'bold', w - 40)
  label(body, 'oc-line1', 20, 76, `clusterIP ${svc.clusterIP} · ${svc.ports}`, 13, 'sans', w - 40)
  label(body, 'oc-line2', 20, 94, `selector ${svc.selector}`, 13, 'sans', w - 40)
}

function renderZone(zone: Sel, { svc, geo }: Item, m: Motion): void {
  const { w, h } = geo.zone
  if (changed(zone.node()!, [svc.fqdn, w, h])) {
    attrs(zone.select('.oc-zone-bg'), { width: w, height: h, rx: 14 })
    attrs(part<SVGTextElement>(zone, 'text', 'oc-eyebrow'), { x: 20, y: 28 }).text(
      t('canvas.dns.zone', { fqdn: svc.fqdn }),
    )
  }
  // The name column fits the longest name (up to 55% of the zone); answers get the rest.
  const names = svc.records.length > 0 ? svc.records.map((r) => r.name) : [svc.fqdn]
  const nameW = Math.min(Math.max(...names.map((n) => textWidth(n, 13, 'mono'))) + 8, (w - 40) * 0.55)
  const rows: Row[] =
    svc.records.length > 0
      ? svc.records.map((r, i) => ({ key: r.key, record: r, y: ROW0 + i * ROW_H, w, fqdn: svc.fqdn, nameW }))
      : [{ key: `nx:${svc.fqdn}`, y: ROW0, w, fqdn: svc.fqdn, nameW }]
  const groups = zone
    .selectAll<SVGGElement, Row>(':scope > g.oc-zone-row:not(.oc-leaving)')
    .data(rows, (r) => r.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-zone-row')
        g.append('g').attr('class', 'oc-body')
        return g.call(enter, m, 0)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(groups, (r) => ({ x: 20, y: r.y, w: r.w - 40, h: ROW_H }), m)
  groups.each(function (r) {
    if (!changed(this, [r.record, r.w, r.nameW])) return
    const g = select<SVGGElement, Row>(this)
    const body = g.select<SVGGElement>(':scope > .oc-body')
    body.selectAll('*').remove()
    const text = body.append('text').attr('class', 'oc-zone-text')
    const rec = r.record
    text.append('tspan').text(fitMiddle(rec?.name ?? r.fqdn, r.nameW, 13))
    if (!rec) {
      g.attr('role', 'img').attr('aria-label', t('canvas.dns.noEndpoints', { fqdn: r.fqdn }))
      text
        .append('tspan')
        .attr('x', r.nameW + 14)
        .attr('class', 'oc-nx')
        .text(t('canvas.dns.noEndpointsYet'))
      return
    }
    const answer = rec.answers.join(', ')
    const spoken = t('canvas.dns.record', { name: rec.name, type: rec.type, answer })
    setSurface(g, { kind: 'DNSRecord', name: rec.name, status: `${rec.type} ${answer}`, label: spoken })
    text
      .append('tspan')
      .attr('x', r.nameW + 14)
      .attr('class', 'oc-type')
      .text(rec.type)
    const room = r.w - 40 - r.nameW - 58
    text
      .append('tspan')
      .attr('x', r.nameW + 58)
      .attr('class', 'oc-zone-answer')
      .text(shownAnswers(rec, r.fqdn, room))
  })
}

/** Answers as they fit, with "(+N more)" for the ones that do not. */
function shownAnswers(rec: DnsRecordView, fqdn: string, room: number): string {
  const { head, items } = answerParts(rec, fqdn)
  const all = head + items.join(', ')
  if (items.length <= 1 || textWidth(all, 13, 'mono') <= room) return fitEnd(all, room, 13, 'mono')
  const text = (n: number) =>
    `${head}${items.slice(0, n).join(', ')}${t('canvas.dns.more', { count: items.length - n })}`
  // The most answers that fit (at least one), by bisection: hundreds of pods make hundreds of answers.
  let [lo, hi] = [1, items.length - 1]
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (textWidth(text(mid), 13, 'mono') <= room) lo = mid
    else hi = mid - 1
  }
  return fitEnd(text(lo), room, 13, 'mono')
}
