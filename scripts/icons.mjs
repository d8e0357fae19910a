#!/usr/bin/env node
// Writes the app's PNG icons into public/ (run by hand after changing the design; the PNGs are committed):
// the favicon's design — a blue rounded square with a white "0" — rasterised with 4×4 supersampling
// and encoded as PNG with node:zlib, so no image library is needed. The "0" is drawn as an elliptical
// ring, as in public/favicon.svg and public/icon.svg, so the result does not depend on fonts.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const publicDir = join(dirname(dirname(fileURLToPath(import.meta.url))), 'public')
const BLUE = [0x2f, 0x5b, 0xd3]
const WHITE = [0xff, 0xff, 0xff]

/**
 * The design on a 32-unit grid (as in the SVGs): which colour covers point (x, y), or null.
 * `bleed` fills the whole square (maskable icons: the platform cuts its own shape) and shrinks
 * the "0" into the central safe zone.
 */
function colourAt(x, y, bleed) {
  const scale = bleed ? 0.85 : 1
  const inRing = ring((x - 16) / scale + 16, (y - 16) / scale + 16)
  if (bleed) return inRing ? WHITE : BLUE
  if (!roundedRect(x, y, 2, 2, 28, 28, 6)) return null
  return inRing ? WHITE : BLUE
}

function roundedRect(x, y, left, top, width, height, r) {
  if (x < left || y < top || x > left + width || y > top + height) return false
  const cx = Math.min(Math.max(x, left + r), left + width - r)
  const cy = Math.min(Math.max(y, top + r), top + height - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

/** The "0": an elliptical ring centred at (16, 16), outer radii 7 × 10, stroke 3. */
function ring(x, y) {
  const outer = ((x - 16) / 7) ** 2 + ((y - 16) / 10) ** 2
  const inner = ((x - 16) / 4) ** 2 + ((y - 16) / 7) ** 2
  return outer <= 1 && inner > 1
}

function render(size, bleed) {
  const samples = 4
  const rgba = Buffer.alloc(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) * 32) / size
          const y = ((py + (sy + 0.5) / samples) * 32) / size
          const c = colourAt(x, y, bleed)
          if (!c) continue
          r += c[0]
          g += c[1]
          b += c[2]
          a += 1
        }
      }
      const o = (py * size + px) * 4
      if (a > 0) {
        rgba[o] = Math.round(r / a)
        rgba[o + 1] = Math.round(g / a)
        rgba[o + 2] = Math.round(b / a)
      }
      rgba[o + 3] = Math.round((a * 255) / (samples * samples))
    }
  }
  return rgba
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function png(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const icons = [
  { file: 'pwa-192x192.png', size: 192, bleed: false },
  { file: 'pwa-512x512.png', size: 512, bleed: false },
  { file: 'maskable-512x512.png', size: 512, bleed: true },
  { file: 'apple-touch-icon.png', size: 180, bleed: true },
]
for (const { file, size, bleed } of icons) {
  const bytes = png(size, render(size, bleed))
  writeFileSync(join(publicDir, file), bytes)
  console.log(`public/${file}: ${size}×${size}, ${bytes.length} bytes`)
}
