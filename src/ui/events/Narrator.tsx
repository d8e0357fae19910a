// Owner: React owns this visually hidden live region. It says what changed from one snapshot to
// the next ("web-1 is Ready; DNS record web-1.nginx added") for screen-reader users.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getAppStore } from '../../state/store'
import { narrate } from './narration'

/** Sentences kept in the region (older ones have been read already). */
const KEEP = 3

export function Narrator() {
  const [said, setSaid] = useState<readonly { id: number; text: string }[]>([])
  const { t } = useTranslation()
  useEffect(() => {
    let id = 0
    return getAppStore().subscribe((state, prev) => {
      if (state.snapshot === prev.snapshot) return
      const lines = narrate(prev.snapshot, state.snapshot).map((text) => ({ id: ++id, text }))
      if (lines.length) setSaid((old) => [...old, ...lines].slice(-KEEP))
    })
  }, [])
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-label={t('narration.label')}
      data-testid="narration"
    >
      {said.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
    </div>
  )
}
