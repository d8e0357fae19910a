import { test, expect } from './fixtures'

const PROBED = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 1
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.7
        ports:
        - containerPort: 80
          name: web
        readinessProbe:
          httpGet:
            path: /
            port: 80
          periodSeconds: 2
`

test('"Fail readiness probe" removes the page nginx serves: the pod turns 0/1 and its DNS record goes', async ({
  page,
}) => {
  await page.goto('/')
  await page.locator('[data-kind="Node"]').first().waitFor()
  await page.evaluate(
    `(() => { const a = globalThis.__ordinal.store.getState().actions; a.apply(${JSON.stringify(PROBED)}); a.setSpeed(10) })()`,
  )
  const pod = page.locator('[data-kind="Pod"][data-name="web-0"]').first()
  await expect(pod).toHaveAttribute('data-status', 'Running 1/1', { timeout: 30_000 })
  await pod.click()
  await page.getByRole('button', { name: 'Fail readiness probe', exact: true }).click()
  await expect(page.getByRole('log', { name: 'kubectl output' })).toContainText(
    'kubectl exec web-0 -c nginx -- rm -f /usr/share/nginx/html/index.html',
  )
  await expect(pod).toHaveAttribute('data-status', 'Running 0/1', { timeout: 30_000 })
  await expect(
    page.locator('[data-kind="DNSRecord"][data-name="web-0.nginx.default.svc.cluster.local"]'),
  ).toHaveCount(0)
})
