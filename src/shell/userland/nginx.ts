// nginx's answers for static files with the stock configuration (`root html; index index.html`,
// autoindex off): the file, a 301 to add a missing slash, 403 for a directory without an index or
// a file the worker (user `nobody`) may not read, 404 otherwise. The error pages are nginx's
// built-in ones (src/http/ngx_http_special_response.c), byte for byte, CRLFs included.
import { resolvePath, type ShellFileSystem } from '../fs'

export const NGINX_DOCUMENT_ROOT = '/usr/share/nginx/html'

export interface NginxResponse {
  readonly status: number
  readonly reason: string
  readonly body: string
  readonly location?: string
}

const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  301: 'Moved Permanently',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
}

/** The response to `GET path` (path may carry a query), served from `root` of `fs`. */
export function nginxResponse(
  fs: ShellFileSystem,
  requestPath: string,
  version: string,
  hostHeader = 'localhost',
  root = NGINX_DOCUMENT_ROOT,
): NginxResponse {
  let path: string
  try {
    path = decodeURIComponent(requestPath.replace(/[?#].*$/, ''))
  } catch {
    return errorResponse(400, version)
  }
  const target = resolvePath(root, `.${resolvePath('/', path)}`)
  const segments = target
    .slice(root.length)
    .split('/')
    .filter((s) => s !== '')
  for (let i = 0; i <= segments.length - (path.endsWith('/') ? 0 : 1); i++) {
    const dir = fs.stat(`${root}/${segments.slice(0, i).join('/')}`)
    if (dir.ok && dir.value.type === 'dir' && (dir.value.mode & 0o001) === 0)
      return errorResponse(403, version)
  }
  const stat = fs.stat(target)
  if (path.endsWith('/')) {
    if (!stat.ok || stat.value.type !== 'dir') return errorResponse(404, version)
    return serveFile(fs, `${target === '/' ? '' : target}/index.html`, version) ?? errorResponse(403, version)
  }
  if (stat.ok && stat.value.type === 'dir')
    return { ...errorResponse(301, version), location: `http://${hostHeader}${path}/` }
  return serveFile(fs, target, version) ?? errorResponse(404, version)
}

function serveFile(fs: ShellFileSystem, path: string, version: string): NginxResponse | null {
  const stat = fs.stat(path)
  if (!stat.ok || stat.value.type !== 'file') return null
  if ((stat.value.mode & 0o004) === 0) return errorResponse(403, version)
  const content = fs.readFile(path)
  return content.ok ? { status: 200, reason: 'OK', body: content.value } : null
}

/** nginx's built-in error page. `<body bgcolor="white">` was dropped in the 1.17 series. */
export function errorResponse(status: number, version: string): NginxResponse {
  const reason = REASONS[status] ?? ''
  const body = olderThan(version, [1, 17]) ? '<body bgcolor="white">' : '<body>'
  const page = `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n${body}\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`
  return { status, reason, body: page }
}

/** The index.html nginx installs (`make install`, or the Debian package of the official image). */
export function nginxIndexPage(version: string): string {
  const style = olderThan(version, [1, 21])
    ? '    body {\n        width: 35em;\n        margin: 0 auto;\n        font-family: Tahoma, Verdana, Arial, sans-serif;\n    }\n'
    : 'html { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n'
  return (
    '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\n' +
    style +
    '</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n' +
    '<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n' +
    '<p>For online documentation and support please refer to\n<a href="http://nginx.org/">nginx.org</a>.<br/>\n' +
    'Commercial support is available at\n<a href="http://nginx.com/">nginx.com</a>.</p>\n\n' +
    '<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n'
  )
}

function olderThan(version: string, [major, minor]: [number, number]): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number)
  return a < major || (a === major && b < minor)
}
