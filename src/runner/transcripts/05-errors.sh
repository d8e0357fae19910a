# What kubectl says when things are wrong: unknown verbs, types, names and flags.
kubectl frobnicate pods
kubectl get foo
kubectl get pod web-0
kubectl get pods --bogus
kubectl delete pod
kubectl exec web-0 -- hostname
kubectl scale sts web
kubectl apply -f missing.yaml
