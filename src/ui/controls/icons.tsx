// Small inline icons for the controls (decorative: every control also carries a word).
const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const

export const PlayIcon = () => (
  <svg {...common}>
    <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
  </svg>
)

export const PauseIcon = () => (
  <svg {...common}>
    <path d="M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z" fill="currentColor" />
  </svg>
)

export const StepIcon = () => (
  <svg {...common}>
    <path d="M2.5 2.5v11l7.5-5.5z" fill="currentColor" />
    <path d="M11 2.5h2.5v11H11z" fill="currentColor" />
  </svg>
)

export const ForkIcon = () => (
  <svg {...common}>
    <path
      d="M4 2v5.5c0 1.5 1 2.5 2.5 2.5H9M4 7v7M9 10l-2-2M9 10l-2 2"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)

export const InfoIcon = () => (
  <svg {...common}>
    <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    <path d="M8 7v4.2M8 4.6v.1" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
  </svg>
)
