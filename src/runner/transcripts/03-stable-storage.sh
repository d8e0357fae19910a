# StatefulSet Basics, "Writing to stable storage": each pod's claim, bound to its own volume,
# keeps the pod's data when the pod is deleted and recreated.
kubectl apply -f web.yaml
kubectl rollout status statefulset/web
kubectl get pvc -l app=nginx
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done
for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done
kubectl delete pod -l app=nginx
kubectl rollout status statefulset/web
for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done
