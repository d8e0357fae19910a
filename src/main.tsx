import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { i18n } from './i18n/i18n'
import { App } from './ui/App'
import { lessonsNeededAtStartup, loadLessons } from './ui/lessons/lessonStoreInstance'
import './ui/app.css'

// i18n.ts has already loaded the page's language (a top-level await, before any module used it).
// A lesson on the first screen: fetch the lessons' chunk now, while React renders the rest.
if (lessonsNeededAtStartup()) loadLessons()

const root = document.getElementById('root')
if (!root) throw new Error('Ordinal: #root element missing from index.html')

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
)
