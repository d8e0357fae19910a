// The examples menu: the lesson's web.yaml first (the text a first visit opens with), then
// variations, then manifests that are broken on purpose. Bundled as text (Vite's ?raw).
import web from '../../examples/web.yaml?raw'
import topology from '../../examples/topology.yaml?raw'
import pvClaim from '../../examples/pv-claim.yaml?raw'
import parallel from '../../examples/parallel.yaml?raw'
import noStorageClass from '../../examples/no-storage-class.yaml?raw'
import wrongServiceName from '../../examples/wrong-service-name.yaml?raw'
import neverReady from '../../examples/never-ready.yaml?raw'
import deploymentVsStatefulSet from '../../examples/deployment-vs-statefulset.yaml?raw'
import type { ParseKeys } from 'i18next'

export interface Example {
  id: string
  /** The menu's words for it: a key of the ui namespace (the menu translates it). */
  label: `editor.examples.${string}` & ParseKeys
  text: string
  broken?: boolean
}

export const EXAMPLES: readonly Example[] = [
  { id: 'web', label: 'editor.examples.web', text: web },
  { id: 'topology', label: 'editor.examples.topology', text: topology },
  { id: 'pv-claim', label: 'editor.examples.pvClaim', text: pvClaim },
  { id: 'parallel', label: 'editor.examples.parallel', text: parallel },
  {
    id: 'deployment-vs-statefulset',
    label: 'editor.examples.deploymentVsStatefulSet',
    text: deploymentVsStatefulSet,
  },
  { id: 'no-storage-class', label: 'editor.examples.noStorageClass', text: noStorageClass, broken: true },
  {
    id: 'wrong-service-name',
    label: 'editor.examples.wrongServiceName',
    text: wrongServiceName,
    broken: true,
  },
  { id: 'never-ready', label: 'editor.examples.neverReady', text: neverReady, broken: true },
]

/** The example the text is, unedited; undefined once it has been changed. */
export function exampleOf(text: string): Example | undefined {
  return EXAMPLES.find((e) => e.text === text)
}
