/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'

/**
 * index.html carries the Content-Security-Policy the build ships with. The dev server needs inline
 * scripts (React Refresh's preamble) and a websocket, so there the policy is left out.
 */
function cspOnlyInBuild(): Plugin {
  return {
    name: 'ordinal:csp-only-in-build',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  }
}

// base: './' so the built app works from any static host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    cspOnlyInBuild(),
    // Offline after one visit: a Workbox service worker precaches the whole build (Monaco and its
    // workers included). It is registered by a same-origin registerSW.js (the CSP forbids inline
    // scripts) and is off on the dev server. A new deployment is installed in the background and
    // takes over once every tab of the old one is closed, so a page never mixes two builds' chunks.
    VitePWA({
      injectRegister: 'script-defer',
      registerType: 'prompt',
      // globPatterns below already takes every file of the build, icons included.
      includeManifestIcons: false,
      manifest: {
        name: 'Ordinal',
        short_name: 'Ordinal',
        description: 'Learn Kubernetes StatefulSets by simulation.',
        id: './',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#2f5bd3',
        background_color: '#eef0f3',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,ttf,woff,woff2,svg,png,json}'],
        // Monaco's chunk is about 3.5 MB and the YAML worker 1 MB; the default limit is 2 MiB.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  // monaco-yaml's worker is found late on the dev server's first load, which re-optimises and
  // reloads the page; listing it up front avoids that (toolchain.md G4).
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  // Module workers: the yaml and editor workers are ES modules (code-split builds need it).
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Scenario and fuzz tests run whole clusters; a busy 2-core CI machine needs the headroom.
    testTimeout: 30_000,
  },
})
