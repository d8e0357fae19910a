# StatefulSet Basics, "Pods in a StatefulSet": ordinal index, hostnames, DNS records that
# survive the pods being deleted and recreated (with new IPs).
kubectl apply -f web.yaml
kubectl rollout status statefulset/web
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
kubectl run -i --rm --restart=Never --image busybox:1.28 dns-test -- nslookup web-0.nginx
kubectl run -i --rm --restart=Never --image busybox:1.28 dns-test -- nslookup web-1.nginx
kubectl get pods -o wide -l app=nginx
kubectl delete pod -l app=nginx
timeout 20 kubectl get pods --watch -l app=nginx
kubectl get pods -o wide -l app=nginx
for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done
kubectl run -i --rm --restart=Never --image busybox:1.28 dns-test -- nslookup web-0.nginx
