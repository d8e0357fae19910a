// Monaco, bundled and configured once (toolchain.md §2): the editor core without its language
// bundles, the YAML grammar, workers built by Vite from this origin, @monaco-editor/react told to
// use this Monaco instead of fetching one from a CDN, and monaco-yaml with the bundled
// Kubernetes schema. Imported only by the lazily loaded editor, so Monaco lands in its own chunk.
// No request leaves the page's origin: the schema is inline and schema requests are off.
// oxlint-disable-next-line import/no-unassigned-import -- registers every editor feature
import 'monaco-editor/esm/vs/editor/edcore.main'
// oxlint-disable-next-line import/no-unassigned-import -- registers the YAML grammar only
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution'
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api'
import { loader } from '@monaco-editor/react'
import { configureMonacoYaml } from 'monaco-yaml'
// oxlint-disable-next-line import/default -- Vite's ?worker modules default-export a Worker class
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker'
// oxlint-disable-next-line import/default -- as above
import YamlWorker from './yaml.worker?worker'
import { k8sSchema } from './k8sSchema'

/** The editor model's path; the schema applies to it through `fileMatch`. */
export const MODEL_PATH = 'file:///editor.yaml'

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
}

loader.config({ monaco })

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  isKubernetes: true,
  completion: true,
  hover: true,
  validate: true,
  schemas: [
    { fileMatch: [MODEL_PATH, '**/*.yaml'], uri: 'inmemory://ordinal/k8s.schema.json', schema: k8sSchema },
  ],
})

export { monaco }
