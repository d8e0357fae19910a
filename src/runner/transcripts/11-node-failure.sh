# A node fails (StatefulSet docs, "Force deletion"; kind: pausing a node's container). Its pod is
# marked for deletion after the 300 s toleration but stays Terminating, and the StatefulSet does
# not replace it: at most one pod per identity. Force-deleting it frees the name; the replacement
# waits for its local volume's node; when the node returns, everything recovers.
# Runs with bash against a kind cluster whose nodes are named node-1..node-3 (kind's are kind-worker…).
kubectl apply -f web.yaml
kubectl rollout status statefulset/web
kubectl get pods -o wide
docker pause node-3
sleep 60
kubectl get nodes
kubectl get pods -o wide
kubectl get endpointslices -l kubernetes.io/service-name=nginx -o jsonpath='{range .items[*].endpoints[*]}{.targetRef.name} ready={.conditions.ready}{"\n"}{end}'
sleep 330
kubectl get pods -o wide
kubectl delete pod web-1 --grace-period=0 --force
sleep 10
kubectl get pods -o wide
kubectl get pod web-1 -o jsonpath='{.status.conditions[0].message}{"\n"}'
docker unpause node-3
sleep 60
kubectl get nodes
kubectl get pods -o wide
kubectl delete statefulset web
kubectl delete service nginx
kubectl delete pvc -l app=nginx
