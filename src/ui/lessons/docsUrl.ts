// Kubernetes docs links in the learner's language: kubernetes.io serves Chinese pages under /zh-cn/.
import type { Language } from '../../i18n/i18n'

export function docsUrl(url: string, lang: Language): string {
  return lang === 'zh-CN'
    ? url.replace('https://kubernetes.io/docs/', 'https://kubernetes.io/zh-cn/docs/')
    : url
}
