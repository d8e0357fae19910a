// Owner: React. The left panel: the manifest editor, or the inspector of the object selected in
// the cluster. Selecting an object switches to the inspector; the editor stays mounted (hidden)
// so Monaco keeps its state.
import { useState } from 'react'
import { useApp } from '../state/store'
import { EditorPanel } from './editor/EditorPanel'
import { Inspector } from './inspector/Inspector'

type View = 'manifest' | 'inspector'

export function SidePanel() {
  const selected = useApp((s) => s.selected)
  const [view, setView] = useState<View>('manifest')
  // A new selection switches to the inspector (adjusting state while rendering, as React advises).
  const [seen, setSeen] = useState(selected)
  if (selected !== seen) {
    setSeen(selected)
    if (selected) setView('inspector')
  }
  return (
    <>
      <div role="tablist" aria-label="Side panel" className="side-tabs">
        <button
          type="button"
          role="tab"
          aria-selected={view === 'manifest'}
          onClick={() => setView('manifest')}
        >
          Manifest
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={view === 'inspector'}
          onClick={() => setView('inspector')}
        >
          Inspector{selected ? `: ${selected.name}` : ''}
        </button>
      </div>
      <div className="side-view" hidden={view !== 'manifest'}>
        <EditorPanel />
      </div>
      <div className="side-view" hidden={view !== 'inspector'}>
        <Inspector />
      </div>
    </>
  )
}
