// Owner: React. What applying the text would do, before it is applied: each object as kubectl
// will name it, and per StatefulSet its slots — pod, claims, DNS name — in ordinal order.
import type { ManifestPreview, StatefulSetPreview } from '../../manifest/preview'

const SHOWN_SLOTS = 12
/** A paste of hundreds of objects lists the first ones; the rest are summed up. */
const SHOWN_OBJECTS = 100
const SHOWN_SETS = 20

function SetSlots({ set }: { set: StatefulSetPreview }) {
  const more = set.replicas - Math.min(set.slots.length, SHOWN_SLOTS)
  return (
    <div className="ed-set">
      <p className="ed-set-head">
        <code>{set.name}</code>: {set.problem ? '?' : set.replicas} replica{set.replicas === 1 ? '' : 's'},{' '}
        {set.podManagementPolicy}
        {set.serviceName ? (
          <>
            , DNS through headless Service <code>{set.serviceName}</code>
          </>
        ) : null}
      </p>
      {set.problem && (
        <p className="ed-set-note">
          <span aria-hidden="true">▲ </span>
          {set.problem}
        </p>
      )}
      {set.dnsProblem && (
        <p className="ed-set-note">
          <span aria-hidden="true">▲ </span>No DNS names: {set.dnsProblem}
        </p>
      )}
      {set.slots.length > 0 && (
        <table className="ed-slots">
          <thead>
            <tr>
              <th scope="col">Pod</th>
              <th scope="col">Claims</th>
              <th scope="col">DNS name</th>
            </tr>
          </thead>
          <tbody>
            {set.slots.slice(0, SHOWN_SLOTS).map((slot) => (
              <tr key={slot.ordinal}>
                <td>
                  <code>{slot.pod}</code>
                </td>
                <td>{slot.claims.length ? <code>{slot.claims.join(', ')}</code> : '—'}</td>
                <td>{slot.dnsName ? <code>{slot.dnsName}</code> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more > 0 && (
        <p className="ed-set-note">
          … and {more} more, up to {set.name}-{(set.slots[0]?.ordinal ?? 0) + set.replicas - 1}
        </p>
      )}
    </div>
  )
}

export function PreviewList({ preview }: { preview: ManifestPreview }) {
  return (
    <section className="ed-section ed-preview" aria-label="Preview">
      <h2 className="ed-heading">Preview</h2>
      {preview.objects.length === 0 ? (
        <p className="ed-hint">Nothing to apply yet.</p>
      ) : (
        <ul className="ed-objects">
          {preview.objects.slice(0, SHOWN_OBJECTS).map((o, i) => (
            <li key={`${o.ref}#${i}`} data-fails={o.fails || undefined}>
              <code>{o.ref}</code>{' '}
              {o.fails ? <strong>✖ will be refused (see Problems)</strong> : <span>will be {o.action}</span>}
              {o.dnsName && !o.fails && (
                <span className="ed-dns">
                  {' '}
                  · <code>{o.dnsName}</code>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {preview.objects.length > SHOWN_OBJECTS && (
        <p className="ed-hint">… and {preview.objects.length - SHOWN_OBJECTS} more objects.</p>
      )}
      {preview.statefulSets.slice(0, SHOWN_SETS).map((set, i) => (
        <SetSlots key={`${set.namespace}/${set.name}#${i}`} set={set} />
      ))}
      {preview.statefulSets.length > SHOWN_SETS && (
        <p className="ed-hint">… and {preview.statefulSets.length - SHOWN_SETS} more StatefulSets.</p>
      )}
    </section>
  )
}
