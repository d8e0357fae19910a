# Beyond the tutorial: the revisions a StatefulSet keeps (ControllerRevisions) seen through
# kubectl rollout history, undo and restart, and kubectl set image (7.4, 7.6–7.8).
# Runs unchanged with bash against a real cluster (where the watches need `timeout`).
kubectl apply -f web.yaml
kubectl rollout status statefulset/web
kubectl rollout history statefulset/web
kubectl set image statefulset/web nginx=registry.k8s.io/nginx-slim:0.24
kubectl rollout status statefulset/web
kubectl rollout history statefulset/web
kubectl rollout history statefulset/web --revision=2
kubectl get controllerrevisions

# Back to revision 1: the pods are replaced again, highest ordinal first
kubectl rollout undo statefulset/web
timeout 20 kubectl get pods -l app=nginx --watch
kubectl get pods -l app=nginx -o jsonpath='{.items[*].spec.containers[0].image}{"\n"}'
kubectl rollout history statefulset/web
kubectl rollout undo statefulset/web --to-revision=3
kubectl rollout undo statefulset/web --to-revision=9

# A restart stamps the template, which makes a new revision and replaces every pod
kubectl rollout restart statefulset/web
kubectl rollout restart statefulset/web
kubectl rollout status statefulset/web
kubectl rollout history statefulset/web
kubectl get statefulset web -o jsonpath='{.spec.template.metadata.annotations}{"\n"}'

# What kubectl refuses
kubectl rollout pause statefulset/web
kubectl set image statefulset/web busybox=busybox:1.36
kubectl rollout history statefulset/web --revision=7

kubectl delete statefulset web
kubectl delete service nginx
kubectl delete pvc -l app=nginx
