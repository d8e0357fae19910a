// The kubectl command that makes a pod's readiness probe fail, when there is one a learner could
// type: an nginx-served httpGet probe fails once the file it asks for is gone (nginx answers
// 403/404); an exec probe that checks a file (`cat F`, `test -e F`, `ls F`) fails once F is gone.
// Pods without such a probe have no command that would do it — real Kubernetes has none either.
import type { Pod } from '../sim/model'

const NGINX_ROOT = '/usr/share/nginx/html'

export function readinessFailureCommand(pod: Pod): string | undefined {
  const container = pod.spec.containers.find((c) => c.readinessProbe)
  const probe = container?.readinessProbe
  if (!container || !probe) return undefined
  const target = (path: string) => `kubectl exec ${pod.metadata.name} -c ${container.name} -- rm -f ${path}`
  if (
    probe.httpGet &&
    (container.image ?? '').includes('nginx') &&
    (probe.httpGet.port === 80 || probe.httpGet.port === 'http' || probe.httpGet.port === 'web')
  ) {
    const path = probe.httpGet.path ?? '/'
    return target(path.endsWith('/') ? `${NGINX_ROOT}${path}index.html` : `${NGINX_ROOT}${path}`)
  }
  const command = probe.exec?.command ?? []
  const words = command[0] === 'sh' && command[1] === '-c' ? (command[2] ?? '').trim().split(/\s+/) : command
  const file = words.find((w, i) => i > 0 && w.startsWith('/'))
  if (file && ['cat', 'test', 'ls', '['].includes(words[0] ?? '')) return target(file)
  return undefined
}
