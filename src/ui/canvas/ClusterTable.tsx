// Owner: React. The cluster as a table — the same view model the canvas draws, for screen
// readers (visually hidden unless shown) and for anyone who prefers rows to pictures.
import { useMemo } from 'react'
import { useApp } from '../../state/store'
import { viewModel } from '../../canvas/viewModel'

export function ClusterTable({ visible }: { visible: boolean }) {
  const snapshot = useApp((s) => s.snapshot)
  const model = useMemo(() => viewModel(snapshot), [snapshot])
  return (
    <div className={visible ? 'cluster-table' : 'cluster-table visually-hidden'} data-testid="cluster-table">
      {model.sets.map((set) => (
        <table key={set.key} aria-label={`StatefulSet ${set.name}: ${set.ready} ready`}>
          <caption>
            StatefulSet {set.name} — {set.ready} ready, {set.policy}. {set.activity}
          </caption>
          <thead>
            <tr>
              <th scope="col">Slot</th>
              <th scope="col">Pod</th>
              <th scope="col">Status</th>
              <th scope="col">IP</th>
              <th scope="col">Node</th>
              <th scope="col">DNS record</th>
              <th scope="col">Claims</th>
            </tr>
          </thead>
          <tbody>
            {set.slots.map((slot) => (
              <tr key={slot.key}>
                <th scope="row">{slot.ordinal}</th>
                <td>{slot.pod?.name ?? '(vacant)'}</td>
                <td>{slot.pod?.summary ?? slot.note}</td>
                <td>{slot.pod?.ip ?? '—'}</td>
                <td>{slot.pod?.node ?? '—'}</td>
                <td>
                  {slot.record ? `${slot.record.name} → ${slot.record.answers.join(', ')}` : 'no record'}
                </td>
                <td>
                  {slot.claims
                    .map(
                      (c) =>
                        `${c.name} ${c.phase}${c.volume ? ` (${c.volume.name})` : ''}${c.orphaned ? ', waiting for its pod' : ''}`,
                    )
                    .join('; ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {model.sets.length === 0 && <p>No StatefulSets yet. Apply a manifest to create one.</p>}
    </div>
  )
}
