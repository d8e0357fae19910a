import { describe, expect, test } from 'vitest'
import { ClusterSession, type ConsoleLine } from '../../state/clusterSession'
import { commandHistory, namesOf, withKubectl } from './consoleModel'

describe('console model', () => {
  test('withKubectl adds the prefix only when it is missing', () => {
    expect(withKubectl('get pods')).toBe('kubectl get pods')
    expect(withKubectl('  kubectl get pods -w ')).toBe('kubectl get pods -w')
    expect(withKubectl('kubectl')).toBe('kubectl')
    expect(withKubectl('kubectlx version')).toBe('kubectl kubectlx version')
  })

  test('commandHistory keeps typed lines in order without immediate repeats', () => {
    const lines: ConsoleLine[] = [
      { id: 1, stream: 'in', text: 'kubectl get pods' },
      { id: 2, stream: 'out', text: 'No resources found in default namespace.\n' },
      { id: 3, stream: 'in', text: 'kubectl get pods' },
      { id: 4, stream: 'in', text: 'kubectl get nodes' },
      { id: 5, stream: 'in', text: 'kubectl get pods' },
    ]
    expect(commandHistory(lines)).toEqual(['kubectl get pods', 'kubectl get nodes', 'kubectl get pods'])
  })

  test('namesOf lists the names of a kind in the snapshot', () => {
    const s = new ClusterSession(1)
    expect(namesOf(s.snapshot(), 'Node')).toEqual(['node-1', 'node-2', 'node-3'])
    expect(namesOf(s.snapshot(), 'Pod')).toEqual([])
    expect(namesOf(s.snapshot(), 'ControllerRevision')).toEqual([])
  })
})
