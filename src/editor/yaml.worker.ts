// A local entry for monaco-yaml's language-server worker, so Vite bundles it from this origin
// (`./yaml.worker?worker` in monacoSetup.ts) instead of anything fetching it from elsewhere.
// oxlint-disable-next-line import/no-unassigned-import -- the worker runs on import
import 'monaco-yaml/yaml.worker.js'
