// Golden transcripts: session scripts that follow the official "StatefulSet Basics" tutorial,
// run through the headless runner. Each `NN-name.sh` has its expected transcript beside it in
// `NN-name.expected`. After a deliberate change, regenerate with UPDATE_TRANSCRIPTS=1 and
// review the diff against the tutorial before committing it.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, test } from 'vitest'
import { Session } from './session'
import { hostFileSystem } from './hostFileSystem'

const dir = path.join(import.meta.dirname, 'transcripts')
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.sh'))
  .sort()

export function transcriptOf(script: string, seed = 1): string {
  const chunks: string[] = []
  const session = new Session({ seed, fs: hostFileSystem, cwd: dir, write: (s) => chunks.push(s) })
  session.runScript(fs.readFileSync(path.join(dir, script), 'utf8'))
  return chunks.join('')
}

describe('StatefulSet Basics transcripts', () => {
  test.each(scripts)('%s prints its expected transcript', (script) => {
    const actual = transcriptOf(script)
    const expectedPath = path.join(dir, script.replace(/\.sh$/, '.expected'))
    if (process.env.UPDATE_TRANSCRIPTS || !fs.existsSync(expectedPath)) fs.writeFileSync(expectedPath, actual)
    expect(actual).toBe(fs.readFileSync(expectedPath, 'utf8'))
  })

  test('the same seed gives a byte-identical transcript; another seed changes uids and IPs only', () => {
    const a = transcriptOf('03-stable-storage.sh', 5)
    expect(transcriptOf('03-stable-storage.sh', 5)).toBe(a)
    const b = transcriptOf('03-stable-storage.sh', 6)
    const mask = (t: string) => t.replace(/pvc-[0-9a-f-]{36}/g, 'pvc-UID').replace(/10\.244\.\d+\.\d+/g, 'IP')
    expect(b).not.toBe(a)
    expect(mask(b).split('\n').length).toBe(mask(a).split('\n').length)
  })
})
