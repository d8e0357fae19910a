import { describe, expect, it } from 'vitest'
import { buildTree, createMountedFileSystem, type Tree } from '../../sim/kubelet/filesystem'
import { errorResponse, nginxIndexPage, nginxResponse } from './nginx'

function served(volume: Tree) {
  return createMountedFileSystem({
    root: { id: 'c', tree: buildTree({ '/usr/share/nginx/html/index.html': nginxIndexPage('1.11.1') }) },
    mounts: [{ id: 'pv', path: '/usr/share/nginx/html', tree: volume }],
  })
}

describe('nginxResponse', () => {
  it('answers 403 with nginx 1.11’s exact page when the document root has no index.html', () => {
    const response = nginxResponse(served(buildTree({})), '/', '1.11.1')
    expect(response).toEqual({
      status: 403,
      reason: 'Forbidden',
      body: '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body bgcolor="white">\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.11.1</center>\r\n</body>\r\n</html>\r\n',
    })
  })

  it('serves index.html for a directory request', () => {
    expect(nginxResponse(served(buildTree({ '/index.html': 'web-0\n' })), '/', '1.11.1')).toEqual({
      status: 200,
      reason: 'OK',
      body: 'web-0\n',
    })
  })

  it('answers 404 for a missing file and redirects a directory without its slash', () => {
    const fs = served(buildTree({ '/sub/index.html': 'sub\n' }))
    expect(nginxResponse(fs, '/missing.html', '1.11.1')).toMatchObject({ status: 404, reason: 'Not Found' })
    expect(nginxResponse(fs, '/sub', '1.11.1')).toMatchObject({
      status: 301,
      location: 'http://localhost/sub/',
    })
    expect(nginxResponse(fs, '/sub/?q=1', '1.11.1')).toMatchObject({ status: 200, body: 'sub\n' })
  })

  it('refuses files the worker user may not read, which `chmod 755` fixes', () => {
    const fs = served(buildTree({ '/index.html': 'web-0\n' }))
    fs.chmod('/usr/share/nginx/html', 0o700)
    expect(nginxResponse(fs, '/', '1.11.1').status).toBe(403)
    fs.chmod('/usr/share/nginx/html', 0o755)
    expect(nginxResponse(fs, '/', '1.11.1').status).toBe(200)
    fs.chmod('/usr/share/nginx/html/index.html', 0o600)
    expect(nginxResponse(fs, '/index.html', '1.11.1').status).toBe(403)
  })

  it('never leaves the document root, whatever the path says', () => {
    expect(nginxResponse(served(buildTree({})), '/../../../etc/hostname', '1.11.1').status).toBe(404)
  })

  it('drops the bgcolor attribute from error pages of recent versions', () => {
    expect(errorResponse(404, '1.27.3').body).toBe(
      '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n',
    )
  })

  it('installs the 612-byte welcome page of nginx 1.11', () => {
    expect(nginxIndexPage('1.11.1')).toHaveLength(612)
    expect(nginxIndexPage('1.11.1')).toContain('<h1>Welcome to nginx!</h1>')
  })
})
