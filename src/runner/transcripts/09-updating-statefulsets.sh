# StatefulSet Basics, "Updating StatefulSets": a rolling update replaces the pods one at a time in
# reverse ordinal order; a partition stages an update, lowering it rolls out a canary and then
# the rest; switching to OnDelete needs "rollingUpdate": null (8.11).
# Runs unchanged with bash against a real cluster (where the watches need `timeout`).
kubectl apply -f web.yaml
kubectl scale sts web --replicas=3
kubectl rollout status statefulset/web

# RollingUpdate
kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]'
timeout 40 kubectl get pod -l app=nginx --watch
for p in 0 1 2; do kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'; echo; done
kubectl rollout status sts/web

# Staging an update
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'
kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.21"}]'
kubectl delete pod web-2
timeout 20 kubectl get pod -l app=nginx --watch
kubectl get pod web-2 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'

# Rolling out a canary
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":2}}}}'
timeout 20 kubectl get pod -l app=nginx --watch
kubectl get pod web-2 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'
kubectl delete pod web-1
timeout 20 kubectl get pod -l app=nginx --watch
kubectl get pod web-1 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'

# Phased roll outs
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}}}'
timeout 30 kubectl get pod -l app=nginx --watch
for p in 0 1 2; do kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'; echo; done

# OnDelete: the tutorial's patch is rejected because of the defaulted rollingUpdate
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete"}}}'
kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"OnDelete","rollingUpdate":null}}}'

kubectl delete statefulset web
kubectl delete service nginx
kubectl delete pvc -l app=nginx
