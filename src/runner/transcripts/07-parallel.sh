# StatefulSet Basics, "Parallel Pod management": the controller starts and stops all pods at
# once, without waiting for one to be Running and Ready before the next.
# Runs unchanged with bash against a real cluster (where the watches need `timeout`).
kubectl apply -f web-parallel.yaml
timeout 15 kubectl get pod -l app=nginx --watch
kubectl scale statefulset/web --replicas=4
timeout 15 kubectl get pod -l app=nginx --watch
kubectl get pvc -l app=nginx
kubectl scale statefulset/web --replicas=2
timeout 15 kubectl get pod -l app=nginx --watch
kubectl delete sts web
kubectl delete svc nginx
