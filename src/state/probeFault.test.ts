import { describe, expect, test } from 'vitest'
import type { Pod } from '../sim/model'
import { readinessFailureCommand } from './probeFault'

const pod = (container: Record<string, unknown>) =>
  ({
    metadata: { name: 'web-0' },
    spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.7', ...container }] },
  }) as unknown as Pod

describe('readinessFailureCommand', () => {
  test('an nginx httpGet probe fails once the page it asks for is removed', () => {
    expect(readinessFailureCommand(pod({ readinessProbe: { httpGet: { path: '/', port: 80 } } }))).toBe(
      'kubectl exec web-0 -c nginx -- rm -f /usr/share/nginx/html/index.html',
    )
  })

  test('an exec probe that checks a file fails once the file is removed', () => {
    expect(
      readinessFailureCommand(pod({ readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] } } })),
    ).toBe('kubectl exec web-0 -c nginx -- rm -f /tmp/healthy')
  })

  test('no probe, or one nothing can break from inside, offers no command', () => {
    expect(readinessFailureCommand(pod({}))).toBeUndefined()
    expect(readinessFailureCommand(pod({ readinessProbe: { tcpSocket: { port: 80 } } }))).toBeUndefined()
  })
})
