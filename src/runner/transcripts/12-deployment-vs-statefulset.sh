# "A StatefulSet is a special Deployment whose Pods are numbered": the same template as a
# Deployment gets random pod names, a ReplicaSet per template, one ClusterIP and one shared claim;
# a deleted pod comes back under a new name, and an update surges new pods before old ones go.
# Runs unchanged with bash against a real cluster (where the watches need `timeout`).
kubectl apply -f deployment.yaml
kubectl rollout status deployment/web-deploy
kubectl get deployment,replicaset -o wide
kubectl get pods -l app=nginx-deploy -o wide
kubectl get pvc
kubectl get svc nginx-deploy
kubectl delete pod "$(kubectl get pods -l app=nginx-deploy -o jsonpath='{.items[0].metadata.name}')"
kubectl get pods -l app=nginx-deploy
kubectl set image deployment/web-deploy nginx=registry.k8s.io/nginx-slim:0.8
timeout 30 kubectl get pods -l app=nginx-deploy --watch
kubectl rollout history deployment/web-deploy
kubectl get replicasets
kubectl delete deployment web-deploy
kubectl delete service nginx-deploy
kubectl delete pvc www-shared
