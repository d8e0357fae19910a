// Reads a V8 CPU profile (Chrome DevTools' .cpuprofile) into self and inclusive time per function,
// so `npm run bench -- --profile` can say where the frame time goes (an unminified build keeps
// the source's function names).

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
export interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface FunctionTime {
  name: string
  selfMs: number
  totalMs: number
  selfShare: number
  totalShare: number
}

const nameOf = (f: CallFrame) => {
  const file = f.url.split('/').pop()
  return file ? `${f.functionName || '(anonymous)'} (${file}:${f.lineNumber + 1})` : f.functionName
}

/** Self and inclusive (counted once per sample, however often it recurses) time per function. */
export function summarize(profile: CpuProfile): { totalMs: number; functions: FunctionTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const sampled = new Map<number, number>()
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let all = 0
  for (const [id, us] of sampled) {
    all += us
    const leaf = nameOf(byId.get(id)!.callFrame)
    self.set(leaf, (self.get(leaf) ?? 0) + us)
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = nameOf(byId.get(cur)!.callFrame)
      if (seen.has(name)) continue
      seen.add(name)
      total.set(name, (total.get(name) ?? 0) + us)
    }
  }
  const functions = [...total].map(([name, us]) => ({
    name,
    selfMs: (self.get(name) ?? 0) / 1000,
    totalMs: us / 1000,
    selfShare: (self.get(name) ?? 0) / all,
    totalShare: us / all,
  }))
  return { totalMs: all / 1000, functions }
}

/** The lines `--profile` prints: the busiest functions by inclusive and by self time. */
export function profileReport(profile: CpuProfile, top = 30): string[] {
  const { totalMs, functions } = summarize(profile)
  const row = (f: FunctionTime, ms: number, share: number) =>
    `${ms.toFixed(0).padStart(8)} ms ${(share * 100).toFixed(1).padStart(5)}%  ${f.name}`
  const skip = new Set(['(root)'])
  return [
    `CPU profile: ${(totalMs / 1000).toFixed(1)} s sampled`,
    'inclusive (the function and what it calls):',
    ...functions
      .filter((f) => !skip.has(f.name))
      .sort((a, b) => b.totalMs - a.totalMs)
      .slice(0, top)
      .map((f) => row(f, f.totalMs, f.totalShare)),
    'self:',
    ...functions
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, Math.ceil(top / 2))
      .map((f) => row(f, f.selfMs, f.selfShare)),
  ]
}
