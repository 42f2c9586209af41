import type { FastifyInstance } from 'fastify';
import { identityContract } from '@core/identity/contract';
import { addRoute } from '../../shared/route';
import {
  createGridWorker,
  createSupervisor,
  findGridWorker,
  findSupervisor,
  issueBindingCode,
  listGridWorkers,
  listGrids,
  listSupervisors,
  revoke,
} from './directory';

/** The office's register of supervisors and grid workers, and the codes that bind them to a phone. */
export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  addRoute(app, identityContract.listGrids, async () => ({ grids: await listGrids(app.db) }));

  addRoute(app, identityContract.listSupervisors, async () => ({ supervisors: await listSupervisors(app.db, app.now()) }));
  addRoute(app, identityContract.createSupervisor, async ({ body }) => createSupervisor(app.db, body, app.now()));
  addRoute(app, identityContract.issueSupervisorCode, async ({ params }) =>
    issueBindingCode(app.db, 'supervisor', params.id, app.now()),
  );
  addRoute(app, identityContract.revokeSupervisor, async ({ params }) => {
    await revoke(app.db, 'supervisor', params.id, app.now());
    return findSupervisor(app.db, params.id, app.now());
  });

  addRoute(app, identityContract.listGridWorkers, async () => ({ gridWorkers: await listGridWorkers(app.db) }));
  addRoute(app, identityContract.createGridWorker, async ({ body }) => createGridWorker(app.db, body, app.now()));
  addRoute(app, identityContract.issueGridWorkerCode, async ({ params }) =>
    issueBindingCode(app.db, 'grid_worker', params.id, app.now()),
  );
  addRoute(app, identityContract.revokeGridWorker, async ({ params }) => {
    await revoke(app.db, 'grid_worker', params.id, app.now());
    return findGridWorker(app.db, params.id);
  });
}
