// Owner: React. The header's Share button: a small popover that copies a link carrying the whole
// session (in the fragment, never sent to a server) and downloads it as a bash script or as the
// applied manifests. Beside it, after a shared link replaced the visitor's work, "Restore my
// work" brings that work back. A disclosure, not an ARIA menu: plain buttons in tab order.
import { useEffect, useId, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { getAppStore } from '../../state/store'
import { sessionOf } from '../../state/sessionRegistry'
import { encodeShare, formatCount, shareUrl, type LessonPosition } from '../../state/share/shareLink'
import {
  bashScriptOf,
  manifestsOf,
  MANIFESTS_FILE_NAME,
  SCRIPT_FILE_NAME,
} from '../../state/export/bashExport'
import { canRestoreOwnWork, restoreOwnWork } from '../../state/startup'
import type { RecordedAction } from '../../state/clusterSession'
import './share.css'

/** Past this many characters some chat apps and mail programs cut a link. */
export const LONG_LINK_CHARS = 2_000

type LinkState =
  { kind: 'copied'; url: string } | { kind: 'select'; url: string } | { kind: 'error'; message: string }

export function ShareMenu({ lesson }: { lesson?: LessonPosition }) {
  const { t } = useTranslation('share')
  const [open, setOpen] = useState(false)
  const [link, setLink] = useState<LinkState>()
  const [restorable, setRestorable] = useState(canRestoreOwnWork)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const fieldRef = useRef<HTMLInputElement>(null)
  const panelId = useId()

  const close = (focusButton: boolean) => {
    setOpen(false)
    setLink(undefined)
    if (focusButton) buttonRef.current?.focus()
  }

  // Escape and a click outside close the popover, as any popover does.
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      setOpen(false)
      setLink(undefined)
      buttonRef.current?.focus()
    }
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node
      if (panelRef.current?.contains(target) || buttonRef.current?.contains(target)) return
      setOpen(false)
      setLink(undefined)
    }
    document.addEventListener('keydown', onKey, true)
    document.addEventListener('pointerdown', onPointer)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      document.removeEventListener('pointerdown', onPointer)
    }
  }, [open])

  useEffect(() => {
    if (open) panelRef.current?.querySelector('button')?.focus()
  }, [open])

  useEffect(() => {
    if (link?.kind === 'select') fieldRef.current?.select()
  }, [link])

  const copyLink = async () => {
    const store = getAppStore()
    const session = sessionOf(store)
    if (!session) return
    const { snapshot, editorText } = store.getState()
    const encoded = encodeShare({
      seed: session.seed,
      actions: [...session.actions],
      end: snapshot.end,
      now: snapshot.now,
      editorText,
      ...(lesson ? { lesson } : {}),
    })
    if (!encoded.ok) {
      setLink({ kind: 'error', message: encoded.error.message })
      return
    }
    const url = shareUrl(location.href, encoded.data)
    try {
      await navigator.clipboard.writeText(url)
      setLink({ kind: 'copied', url })
    } catch {
      // Clipboard refused (permissions, an insecure origin, an iframe): the learner copies by hand.
      setLink({ kind: 'select', url })
    }
  }

  const actions = (): readonly RecordedAction[] => sessionOf(getAppStore())?.actions ?? []

  const restore = () => {
    restoreOwnWork()
    setRestorable(canRestoreOwnWork())
  }

  return (
    <div className="share">
      {restorable && (
        <button
          type="button"
          className="control share-restore"
          title={t('menu.restoreHint')}
          onClick={restore}
        >
          {t('menu.restore')}
        </button>
      )}
      <button
        ref={buttonRef}
        type="button"
        className="control share-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {t('menu.button')}
      </button>
      {open && (
        <div ref={panelRef} id={panelId} className="share-panel" role="group" aria-label={t('menu.label')}>
          <button className="control" type="button" onClick={() => void copyLink()}>
            {t('menu.copyLink')}
          </button>
          <LinkStatus link={link} fieldRef={fieldRef} />
          <p className="share-note">{t('menu.private')}</p>
          <hr />
          <button
            className="control"
            type="button"
            onClick={() => download(bashScriptOf(actions()), SCRIPT_FILE_NAME)}
          >
            {t('menu.downloadScript')}
          </button>
          <p className="share-note">{t('menu.scriptHint')}</p>
          <button
            className="control"
            type="button"
            onClick={() => download(manifestsOf(actions()), MANIFESTS_FILE_NAME)}
            aria-describedby={actions().some((a) => a.kind === 'apply') ? undefined : `${panelId}-none`}
          >
            {t('menu.downloadManifests')}
          </button>
          {!actions().some((a) => a.kind === 'apply') && (
            <p className="share-note" id={`${panelId}-none`}>
              {t('menu.nothingApplied')}
            </p>
          )}
        </div>
      )}
    </div>
  )
}

function LinkStatus({
  link,
  fieldRef,
}: {
  link: LinkState | undefined
  fieldRef: RefObject<HTMLInputElement | null>
}) {
  const { t } = useTranslation('share')
  if (!link) return null
  if (link.kind === 'error')
    return (
      <p className="share-status share-warn" role="alert">
        {link.message}
      </p>
    )
  return (
    <>
      <p className="share-status" role="status">
        {link.kind === 'copied' ? t('menu.copied') : t('menu.copyFallback')}
      </p>
      <input
        ref={fieldRef}
        className="share-link"
        type="text"
        readOnly
        value={link.url}
        aria-label={t('menu.linkField')}
        onFocus={(e) => e.currentTarget.select()}
      />
      {link.url.length > LONG_LINK_CHARS && (
        <p className="share-status share-warn">{t('menu.long', { chars: formatCount(link.url.length) })}</p>
      )}
    </>
  )
}

/** Saves text as a file through a temporary object URL (no server involved). */
function download(text: string, fileName: string): void {
  const type = fileName.endsWith('.sh') ? 'text/x-shellscript' : 'application/yaml'
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // The browser has the file once the click is handled; the URL can go soon after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
