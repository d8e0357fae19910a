# StatefulSet Basics, "Deleting StatefulSets": a non-cascading delete leaves the pods running
# without an owner; applying web.yaml again adopts them; a cascading delete removes them; the
# claims stay until they are deleted too.
# Runs unchanged with bash against a real cluster (where the watches need `timeout`).
kubectl apply -f web.yaml
timeout 60 kubectl rollout status statefulset/web
kubectl delete statefulset web --cascade=orphan
kubectl get pods -l app=nginx
kubectl get pod web-0 -o jsonpath='{.metadata.ownerReferences}{"\n"}'
kubectl delete pod web-0
kubectl get pods -l app=nginx
kubectl apply -f web.yaml
timeout 20 kubectl get pods --watch -l app=nginx
kubectl get pod web-0 -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}{"\n"}'
kubectl delete statefulset web
kubectl get pods -l app=nginx
kubectl delete service nginx
kubectl get pvc -l app=nginx -o name
kubectl delete pvc -l app=nginx
kubectl get pvc -l app=nginx
