// npm run fuzz -- [RUNS] [--seed N]
// Model-based fuzzing of the engine: RUNS random user sessions (default 1000), each checked for
// the invariants after every task and for convergence at the end. Prints the seed and the
// shrunk counterexample of a failure, so it can be replayed with --seed.
import fc from 'fast-check'
import { checkConvergence, runSession, sessionArbitrary } from '../src/sim/testing/actions'

const args = process.argv.slice(2)
const seedAt = args.indexOf('--seed')
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : Date.now() % 2 ** 31
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--seed') ?? 1000)

const started = performance.now()
const result = fc.check(
  fc.property(sessionArbitrary, fc.integer({ min: 1, max: 1000 }), (actions, simSeed) => {
    const problem = checkConvergence(runSession(actions, simSeed))
    if (problem) throw new Error(problem)
  }),
  { numRuns: runs, seed },
)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
if (result.failed) {
  console.log(
    `FAILED after ${result.numRuns} sessions (${seconds} s). Replay: npm run fuzz -- ${runs} --seed ${seed}`,
  )
  console.log(`counterexample: ${JSON.stringify(result.counterexample)}`)
  console.log(String(result.errorInstance))
  process.exitCode = 1
} else {
  console.log(`${result.numRuns} random sessions passed in ${seconds} s (seed ${seed})`)
}
