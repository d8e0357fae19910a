# kubectl apply from here-documents, the created/unchanged/configured results, and what kubectl
# prints for manifests the API server or kubectl itself rejects. A failing command does not stop
# the script; `echo $?` shows its status.
# Runs unchanged with bash against a real cluster.
kubectl apply -f web.yaml
kubectl apply -f web.yaml
timeout 60 kubectl rollout status statefulset/web
kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: nginx
  labels:
    app: nginx
    tier: frontend
spec:
  ports:
  - port: 80
    name: web
  clusterIP: None
  selector:
    app: nginx
EOF
kubectl get svc nginx -o jsonpath='{.metadata.labels}{"\n"}'
kubectl apply -f web.yaml
kubectl get svc nginx -o jsonpath='{.metadata.labels}{"\n"}'
kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: nginx
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.7
EOF
echo $?
kubectl apply -f - <<EOF
apiVersion: apps/v1beta1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: nginx
EOF
kubectl apply -f - <<EOF
apiVersion: v1
metadata:
  name: nameless
EOF
kubectl patch statefulset web -p '{"spec":{"podManagementPolicy":"Parallel"}}'
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete"}}}'
kubectl patch statefulset web -p '{"spec":{"replicas":3}}'
kubectl patch statefulset web -p '{"spec":{"replicas":3}}'
timeout 60 kubectl rollout status statefulset/web
kubectl get statefulset web
kubectl delete pod web-9
echo $?
kubectl get pods -l app=nginx
