# StatefulSet Basics, "Creating a StatefulSet" and "Ordered Pod creation".
# Runs unchanged with bash against a real cluster (where the watch needs `timeout`).
kubectl apply -f web.yaml
timeout 30 kubectl get pods --watch -l app=nginx
kubectl get service nginx
kubectl get statefulset web
kubectl get pods -l app=nginx
