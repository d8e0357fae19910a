# StatefulSet Basics, "Scaling a StatefulSet": scale up in order, scale down in reverse order;
# the claims of removed pods stay behind and are reused when the set grows again.
kubectl apply -f web.yaml
kubectl rollout status statefulset/web
kubectl scale sts web --replicas=5
timeout 25 kubectl get pods --watch -l app=nginx
kubectl patch sts web -p '{"spec":{"replicas":3}}'
timeout 15 kubectl get pods --watch -l app=nginx
kubectl get pvc -l app=nginx
kubectl scale sts web --replicas=4
kubectl rollout status statefulset/web
kubectl get pvc -l app=nginx
