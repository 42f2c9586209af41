import { runAdminCommand } from '../features/identity/admin-command';
import { runCommandLine } from './run-command';

void runCommandLine(runAdminCommand);
