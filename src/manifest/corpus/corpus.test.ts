// The bad-input corpus (cases.ts) against the manifest layer and the apply path: for every case,
// the editor's checks and `kubectl apply -f` must not throw, must say the expected message at the
// expected place, must agree with each other (an error in the editor is what kubectl prints; a
// warning is the editor's alone), and must still apply the valid documents of the paste. Each
// case's handling time is measured; the slowest are printed.
import { afterAll, describe, expect, test } from 'vitest'
import { KubectlHarness } from '../../kubectl/testing/kubectlHarness'
import { checkManifests } from '../check'
import type { ClusterView } from '../cluster'
import { CASES, inputOf, type CorpusCase } from './cases'

/**
 * A tripwire for runaway work (an expansion, a quadratic loop), generous for a busy 2-core machine
 * running test files in parallel: the largest case at the limits takes 1–3 s here. The page runs
 * the checks in a worker; e2e/corpus.spec.ts asserts it stays responsive.
 */
const CHECK_BUDGET_MS = 15_000
const APPLY_BUDGET_MS = 15_000

const timings: { id: string; check: number; apply: number }[] = []

function viewOf(h: KubectlHarness): ClusterView {
  const api = h.sim.ctx.api
  return {
    services: api.list('Service'),
    statefulSets: api.list('StatefulSet'),
    claims: api.list('PersistentVolumeClaim'),
    volumes: api.list('PersistentVolume'),
    storageClasses: api.list('StorageClass'),
    pods: api.list('Pod'),
  }
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6

function run(c: CorpusCase) {
  const text = inputOf(c)
  const h = new KubectlHarness({ files: { 'before.yaml': c.before ?? '', 'editor.yaml': text } })
  const before = c.before ? h.kubectl('apply -f before.yaml') : undefined
  h.settle()
  let start = process.hrtime.bigint()
  const check = checkManifests(text, { cluster: viewOf(h) })
  const checkMs = ms(start)
  start = process.hrtime.bigint()
  const applied = h.kubectl('apply -f editor.yaml')
  const applyMs = ms(start)
  timings.push({ id: c.id, check: checkMs, apply: applyMs })
  return { before, check, applied, checkMs, applyMs }
}

describe('the bad-input corpus', () => {
  test('has at least 60 cases with unique ids, covering every category', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60)
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length)
    expect(new Set(CASES.map((c) => c.category)).size).toBe(17)
    expect(CASES.filter((c) => c.e2e).length).toBeGreaterThanOrEqual(25)
  })

  test.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { before, check, applied, checkMs, applyMs } = run(c)
    expect(before?.exitCode ?? 0).toBe(0)
    const { diagnostics } = check
    const errors = diagnostics.filter((d) => d.severity === 'error')
    const said = diagnostics.map((d) => d.message).join('\n')
    const report = c.expect.messages.map((message) => {
      const found = diagnostics.find((d) => d.message.includes(message))
      return {
        message,
        found: !!found,
        error: found?.severity === 'error',
        printed: applied.stderr.includes(message),
      }
    })
    expect(
      report.filter((r) => !r.found).map((r) => r.message),
      `the editor said:\n${said}`,
    ).toEqual([])
    // An error is what kubectl prints; a warning is the editor's own.
    expect(
      report.filter((r) => r.error !== r.printed),
      `kubectl printed:\n${applied.stderr}`,
    ).toEqual([])
    // A case that expects no message expects no error at all.
    expect(c.expect.messages.length === 0 ? errors.map((d) => d.message) : []).toEqual([])
    const main = diagnostics.find((d) => d.message.includes(c.expect.messages[0] ?? '\u0000'))
    expect({ line: main?.line, column: main?.column }).toMatchObject({
      ...(c.expect.line !== undefined ? { line: c.expect.line } : {}),
      ...(c.expect.column !== undefined ? { column: c.expect.column } : {}),
    })
    expect(applied.exitCode).toBe(errors.length ? 1 : 0)
    const notApplied = (c.expect.applies ?? []).filter(
      (ref) => !new RegExp(`^${escape(ref)} (created|configured|unchanged)$`, 'm').test(applied.stdout),
    )
    expect(notApplied, `kubectl printed:\n${applied.stdout}`).toEqual([])
    expect(checkMs).toBeLessThan(CHECK_BUDGET_MS)
    expect(applyMs).toBeLessThan(APPLY_BUDGET_MS)
  })

  afterAll(() => {
    const slowest = [...timings].sort((a, b) => b.check + b.apply - (a.check + a.apply)).slice(0, 5)
    console.log(
      `corpus: ${timings.length} cases; slowest (check + apply, ms):\n` +
        slowest.map((t) => `  ${t.id}: ${t.check.toFixed(0)} + ${t.apply.toFixed(0)}`).join('\n'),
    )
  })
})

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
