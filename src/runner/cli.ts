// npm run --silent sim -- [--seed N] SCRIPT|-
// Runs a session script against a fresh simulated cluster and prints the transcript.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { Session } from './session'
import { hostFileSystem } from './hostFileSystem'

const USAGE = 'usage: npm run --silent sim -- [--seed N] SCRIPT|-\n'

function main(argv: string[]): number {
  let seed = 1
  let script: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--seed') {
      const n = Number(argv[++i])
      if (!Number.isInteger(n)) {
        process.stderr.write(`--seed needs an integer\n${USAGE}`)
        return 2
      }
      seed = n
    } else if (a.startsWith('--seed=')) seed = Number(a.slice(7))
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE)
      return 0
    } else if (script === undefined) script = a
    else {
      process.stderr.write(USAGE)
      return 2
    }
  }
  if (script === undefined) {
    process.stderr.write(USAGE)
    return 2
  }
  let source: string
  let cwd: string
  try {
    source = script === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(script, 'utf8')
    cwd = script === '-' ? process.cwd() : path.dirname(path.resolve(script))
  } catch (e) {
    process.stderr.write(`ordinal: cannot read ${script}: ${(e as Error).message}\n`)
    return 2
  }
  const chunks: string[] = []
  const session = new Session({ seed, fs: hostFileSystem, cwd, write: (s) => chunks.push(s) })
  const status = session.runScript(source)
  process.stdout.write(chunks.join(''))
  return status === 2 && chunks.length === 0 ? 2 : 0
}

process.exitCode = main(process.argv.slice(2))
