# Retroactive default StorageClass (Kubernetes 1.28+): claims created while no class is default
# stay Pending with FailedBinding; once a class is annotated default again, the PV controller
# sets their storageClassName and provisioning goes on. Then kubectl label and get -L.
kubectl annotate storageclass standard storageclass.kubernetes.io/is-default-class-
kubectl get storageclass
kubectl apply -f web.yaml
sleep 20
kubectl get pvc
kubectl get pods
kubectl describe pvc www-web-0
kubectl annotate storageclass standard storageclass.kubernetes.io/is-default-class=true
kubectl get storageclass
kubectl rollout status statefulset/web
kubectl get pvc
kubectl get pods
kubectl label pod web-0 tier=frontend
kubectl label pod web-0 tier=backend
kubectl label pod web-0 tier=backend --overwrite
kubectl get pods -L tier
kubectl get pods --show-labels
kubectl label pod web-0 tier-
kubectl delete statefulset web
kubectl delete service nginx
kubectl delete pvc -l app=nginx
