#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure.
//   npm ci (only if node_modules is missing) → tsc -b → oxlint → prettier --check → vitest run → vite build
//   → Chromium (apt-get install, only if /usr/bin/chromium is missing) → playwright test
// Node built-ins only, so it runs on a fresh clone before anything is installed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const bin = join(root, 'node_modules', '.bin')
const CHROMIUM = '/usr/bin/chromium'
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` }

/** @type {{ name: string, seconds: number }[]} */
const done = []
const started = process.hrtime.bigint()
const since = (t) => Number(process.hrtime.bigint() - t) / 1e9
const fmt = (s) => `${s.toFixed(1)}s`

function summary(outcome) {
  const parts = done.map((s) => `${s.name} ${fmt(s.seconds)}`)
  console.log(`\n${outcome}: ${parts.join(', ')}${parts.length ? ', ' : ''}total ${fmt(since(started))}`)
}

/** Runs one command with inherited stdio; on failure prints the summary and exits. */
function run(name, command, args, extraEnv = {}) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`)
  const t = process.hrtime.bigint()
  const result = spawnSync(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' })
  const seconds = since(t)
  if (result.error || result.status !== 0) {
    const why = result.error
      ? result.error.message
      : result.signal
        ? `killed by ${result.signal}`
        : `exit code ${result.status}`
    done.push({ name: `${name} FAILED`, seconds })
    console.error(`\n✖ ${name} failed (${why}) after ${fmt(seconds)}`)
    summary('npm test FAILED')
    process.exit(result.status || 1)
  }
  done.push({ name, seconds })
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

if (!existsSync(join(root, 'node_modules'))) {
  run('npm ci', 'npm', ['ci'])
}

run('tsc', join(bin, 'tsc'), ['-b'])
run('oxlint', join(bin, 'oxlint'), ['-c', '.oxlintrc.json', 'src', 'e2e', 'scripts'])
run('prettier', join(bin, 'prettier'), ['--check', '--log-level=warn', '.'])
const reports = join(root, 'node_modules', '.tmp')
mkdirSync(reports, { recursive: true })
const vitestReport = join(reports, 'vitest-report.json')
const playwrightReport = join(reports, 'playwright-report.json')
run('vitest', join(bin, 'vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestReport}`,
])
run('build', join(bin, 'vite'), ['build'])

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  console.log(
    `\n${CHROMIUM} is missing: installing Debian's chromium package with apt-get` +
      (isRoot ? '.' : ' (via sudo).'),
  )
  if (!onPath('apt-get')) {
    console.error(`✖ apt-get not found. Install Chromium so that ${CHROMIUM} exists, then re-run npm test.`)
    summary('npm test FAILED')
    process.exit(1)
  }
  if (!isRoot && !onPath('sudo')) {
    console.error(`✖ not root and sudo not found. As root run: apt-get update && apt-get install -y chromium`)
    summary('npm test FAILED')
    process.exit(1)
  }
  const apt = (name, args) =>
    isRoot
      ? run(name, 'apt-get', args, { DEBIAN_FRONTEND: 'noninteractive' })
      : run(name, 'sudo', ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args])
  apt('apt-get update', ['update'])
  apt('apt-get install chromium', ['install', '-y', 'chromium'])
}

run('e2e', join(bin, 'playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
})

/** Passed and failed counts from the two runners' JSON reports, for one closing line CI can read. */
function counts() {
  const unit = JSON.parse(readFileSync(vitestReport, 'utf8'))
  const e2e = JSON.parse(readFileSync(playwrightReport, 'utf8'))
  const passed = unit.numPassedTests + (e2e.stats?.expected ?? 0)
  const failed = unit.numFailedTests + (e2e.stats?.unexpected ?? 0)
  return { passed, failed }
}

summary('npm test passed')
const { passed, failed } = counts()
console.log(`tests: ${passed} passed, ${failed} failed`)
