// Builds the app for the bench (its own gitignored folder, with Vite's manifest turned on from the
// command line, so vite.config.ts stays as it is) and weighs its JavaScript: each file gzipped
// with node:zlib at the default level, in kB of 1,000 bytes as Vite prints them.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as zlib from 'node:zlib'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  isDynamicEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  assets?: string[]
}
type Manifest = Record<string, ManifestChunk>

export interface JsFile {
  file: string
  bytes: number
  gzipBytes: number
}

export interface BundleSizes {
  /** Scripts the page loads before the editor: index.html's scripts and the entry's static imports. */
  initial: JsFile[]
  /** Chunks loaded with import() (the Monaco editor) and their own static imports. */
  lazy: JsFile[]
  /** Web workers (Monaco's editor and YAML workers). */
  workers: JsFile[]
  /** Everything else: the service worker and its runtime. */
  other: JsFile[]
  initialGzip: number
  totalGzip: number
  totalBytes: number
}

/** `vite build` into `outDir` with `--manifest`; `minify: false` for readable CPU profiles. */
export function buildApp(outDir: string, options: { minify?: boolean } = {}): number {
  const started = performance.now()
  const vite = path.join('node_modules', 'vite', 'bin', 'vite.js')
  const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn']
  if (options.minify === false) args.push('--minify', 'false')
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  if (r.status !== 0)
    throw new Error(`vite build failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`)
  return performance.now() - started
}

const weigh = (dir: string, file: string): JsFile => {
  const body = fs.readFileSync(path.join(dir, file))
  return { file, bytes: body.length, gzipBytes: zlib.gzipSync(body).length }
}

function allJs(dir: string, sub = ''): string[] {
  return fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(sub, e.name)
    if (e.isDirectory()) return e.name === '.vite' ? [] : allJs(dir, rel)
    return e.name.endsWith('.js') || e.name.endsWith('.mjs') ? [rel] : []
  })
}

/** The scripts index.html itself loads (the entry, modulepreloads, the service worker's registration). */
function htmlScripts(dir: string): string[] {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
  const found = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ]
  return found.map((m) => path.posix.normalize(m[1]!.replace(/^\.?\//, '')))
}

/** Sorts the built JavaScript into initial, lazy, workers and other, from Vite's manifest. */
export function bundleSizes(dir: string): BundleSizes {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest
  const closure = (keys: string[], into = new Set<string>()): Set<string> => {
    for (const key of keys) {
      const chunk = manifest[key]
      if (!chunk || into.has(chunk.file)) continue
      into.add(chunk.file)
      closure(chunk.imports ?? [], into)
    }
    return into
  }
  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry)
  const initial = new Set([...htmlScripts(dir), ...closure(entries)])
  const dynamic = Object.keys(manifest).filter((k) => manifest[k]!.isDynamicEntry)
  const lazy = [...closure(dynamic)].filter((f) => !initial.has(f))
  const workers = new Set(
    Object.values(manifest)
      .flatMap((c) => c.assets ?? [])
      .filter((f) => f.endsWith('.js')),
  )
  const files = allJs(dir).map((f) => weigh(dir, f))
  const pick = (test: (f: string) => boolean) => files.filter((f) => test(f.file))
  const sum = (list: JsFile[], key: 'bytes' | 'gzipBytes') => list.reduce((n, f) => n + f[key], 0)
  const initialFiles = pick((f) => initial.has(f))
  return {
    initial: initialFiles,
    lazy: pick((f) => lazy.includes(f)),
    workers: pick((f) => workers.has(f)),
    other: pick((f) => !initial.has(f) && !lazy.includes(f) && !workers.has(f)),
    initialGzip: sum(initialFiles, 'gzipBytes'),
    totalGzip: sum(files, 'gzipBytes'),
    totalBytes: sum(files, 'bytes'),
  }
}
