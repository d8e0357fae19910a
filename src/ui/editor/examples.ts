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

export interface Example {
  id: string
  label: string
  text: string
  broken?: boolean
}

export const EXAMPLES: readonly Example[] = [
  { id: 'web', label: 'web.yaml (with storage)', text: web },
  { id: 'topology', label: 'Topology only', text: topology },
  { id: 'pv-claim', label: 'Standalone claim pv-claim', text: pvClaim },
  { id: 'parallel', label: 'Parallel pods', text: parallel },
  {
    id: 'deployment-vs-statefulset',
    label: 'StatefulSet vs Deployment',
    text: deploymentVsStatefulSet,
  },
  { id: 'no-storage-class', label: 'Broken: no StorageClass', text: noStorageClass, broken: true },
  { id: 'wrong-service-name', label: 'Broken: wrong serviceName', text: wrongServiceName, broken: true },
  { id: 'never-ready', label: 'Broken: pod never Ready', text: neverReady, broken: true },
]

/** The example the text is, unedited; undefined once it has been changed. */
export function exampleOf(text: string): Example | undefined {
  return EXAMPLES.find((e) => e.text === text)
}
