// Pod IPs from each node's podCIDR, handed out sequentially as the host-local IPAM plugin
// (kind's default CNI) does — which is why a recreated pod gets the next address, not its old one.
import type { Node } from '../model'
import type { SimContext } from '../simContext'

interface NodeIpam {
  readonly last: number
  readonly used: ReadonlySet<number>
}

export class Ipam {
  constructor(private readonly ctx: SimContext) {}

  private table(): Map<string, NodeIpam> {
    return this.ctx.state.get('kubelet.ipam', () => new Map<string, NodeIpam>())
  }

  /** Allocates the next free address on `node` (.2 … .254, wrapping), or undefined when full. */
  allocate(node: Node): string | undefined {
    const prefix = (node.spec.podCIDR ?? '10.244.0.0/24').split('/')[0]!.split('.').slice(0, 3).join('.')
    const table = this.table()
    const entry = table.get(node.metadata.name) ?? { last: 1, used: new Set<number>() }
    for (let step = 1; step <= 253; step++) {
      const host = ((entry.last - 2 + step) % 253) + 2
      if (!entry.used.has(host)) {
        table.set(node.metadata.name, { last: host, used: new Set([...entry.used, host]) })
        return `${prefix}.${host}`
      }
    }
    return undefined
  }

  release(nodeName: string, ip: string): void {
    const table = this.table()
    const entry = table.get(nodeName)
    if (!entry) return
    const host = Number(ip.split('.')[3])
    const used = new Set(entry.used)
    used.delete(host)
    table.set(nodeName, { last: entry.last, used })
  }
}
