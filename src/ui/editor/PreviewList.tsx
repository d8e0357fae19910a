// Owner: React. What applying the text would do, before it is applied: each object as kubectl
// will name it, and per StatefulSet its slots — pod, claims, DNS name — in ordinal order.
import { Trans, useTranslation } from 'react-i18next'
import type { ManifestPreview, StatefulSetPreview } from '../../manifest/preview'

const SHOWN_SLOTS = 12
/** A paste of hundreds of objects lists the first ones; the rest are summed up. */
const SHOWN_OBJECTS = 100
const SHOWN_SETS = 20

function SetSlots({ set }: { set: StatefulSetPreview }) {
  const more = set.replicas - Math.min(set.slots.length, SHOWN_SLOTS)
  const { t } = useTranslation()
  return (
    <div className="ed-set">
      <p className="ed-set-head">
        <code>{set.name}</code>:{' '}
        {t('editor.preview.replicas', {
          count: set.replicas,
          shown: set.problem ? '?' : set.replicas,
          policy: set.podManagementPolicy,
        })}
        {set.serviceName ? (
          <Trans
            i18nKey="editor.preview.dnsThrough"
            values={{ name: set.serviceName }}
            components={{ svc: <code /> }}
          />
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
          <span aria-hidden="true">▲ </span>
          {t('editor.preview.noDns', { problem: set.dnsProblem })}
        </p>
      )}
      {set.slots.length > 0 && (
        <table className="ed-slots">
          <thead>
            <tr>
              <th scope="col">Pod</th>
              <th scope="col">{t('editor.preview.claims')}</th>
              <th scope="col">{t('editor.preview.dnsName')}</th>
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
          {t('editor.preview.moreSlots', {
            count: more,
            last: `${set.name}-${(set.slots[0]?.ordinal ?? 0) + set.replicas - 1}`,
          })}
        </p>
      )}
    </div>
  )
}

export function PreviewList({ preview }: { preview: ManifestPreview }) {
  const { t } = useTranslation()
  return (
    <section className="ed-section ed-preview" aria-label={t('editor.preview.heading')}>
      <h2 className="ed-heading">{t('editor.preview.heading')}</h2>
      {preview.objects.length === 0 ? (
        <p className="ed-hint">{t('editor.preview.nothing')}</p>
      ) : (
        <ul className="ed-objects">
          {preview.objects.slice(0, SHOWN_OBJECTS).map((o, i) => (
            <li key={`${o.ref}#${i}`} data-fails={o.fails || undefined}>
              <code>{o.ref}</code>{' '}
              {o.fails ? (
                <strong>{t('editor.preview.refused')}</strong>
              ) : (
                <span>{t(`editor.preview.${o.action}`)}</span>
              )}
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
        <p className="ed-hint">
          {t('editor.preview.moreObjects', { count: preview.objects.length - SHOWN_OBJECTS })}
        </p>
      )}
      {preview.statefulSets.slice(0, SHOWN_SETS).map((set, i) => (
        <SetSlots key={`${set.namespace}/${set.name}#${i}`} set={set} />
      ))}
      {preview.statefulSets.length > SHOWN_SETS && (
        <p className="ed-hint">
          {t('editor.preview.moreSets', { count: preview.statefulSets.length - SHOWN_SETS })}
        </p>
      )}
    </section>
  )
}
