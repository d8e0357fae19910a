// The parts of the simulated control plane and nodes, in the order they see each watch event.
import type { Task } from './runtime/taskQueue'
import type { WatchEvent } from './api/store'
import type { SimContext } from './simContext'
import type { Controller } from './controllers/controller'
import { StatefulSetController } from './controllers/statefulset/statefulSetController'
import { DeploymentController } from './controllers/deployment/deploymentController'
import { ReplicaSetController } from './controllers/replicaset/replicaSetController'
import { PersistentVolumeController } from './controllers/volume/persistentVolumeController'
import { PvcProtectionController } from './controllers/volume/pvcProtectionController'
import { GarbageCollector } from './controllers/garbageCollector'
import { EndpointsController } from './controllers/endpoints/endpointsController'
import { EndpointSliceController } from './controllers/endpoints/endpointSliceController'
import { NodeLifecycleController } from './controllers/nodelifecycle/nodeLifecycleController'
import { TaintEvictionController } from './controllers/nodelifecycle/taintEvictionController'
import { PodGCController } from './controllers/podgc/podGCController'
import { Scheduler } from './kubelet/scheduler'
import { Kubelet } from './kubelet/kubelet'

export interface Component {
  controller?: Controller
  handlers?: Record<string, (task: Task) => void>
  onWatch?(event: WatchEvent): void
  /** Drops derived caches after a checkpoint restore. */
  reset?(): void
}

export function controllerComponent(controller: Controller): Component {
  return { controller, onWatch: (e) => controller.onWatch(e) }
}

export function createComponents(ctx: SimContext): Component[] {
  return [
    controllerComponent(new StatefulSetController(ctx)),
    controllerComponent(new DeploymentController(ctx)),
    controllerComponent(new ReplicaSetController(ctx)),
    controllerComponent(new PersistentVolumeController(ctx)),
    controllerComponent(new PvcProtectionController(ctx)),
    controllerComponent(new GarbageCollector(ctx)),
    controllerComponent(new EndpointsController(ctx)),
    controllerComponent(new EndpointSliceController(ctx)),
    new NodeLifecycleController(ctx),
    new TaintEvictionController(ctx),
    new PodGCController(ctx),
    new Scheduler(ctx),
    new Kubelet(ctx),
  ]
}
