import { useEffect, useRef, useState } from 'react'

/**
 * `value`, but changing at most once every `ms` while `enabled` (the latest value always arrives,
 * at most `ms` late); `value` itself when not enabled.
 */
export function useThrottled<T>(value: T, ms: number, enabled: boolean): T {
  const [shown, setShown] = useState(value)
  const last = useRef(0)
  useEffect(() => {
    if (!enabled) return
    const show = () => {
      last.current = performance.now()
      setShown(value)
    }
    const wait = last.current + ms - performance.now()
    if (wait <= 0) return show()
    const timer = setTimeout(show, wait)
    return () => clearTimeout(timer)
  }, [value, ms, enabled])
  return enabled ? shown : value
}
