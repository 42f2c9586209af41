import { runSessionsCommand } from '../features/sessions/override-command';
import { runCommandLine } from './run-command';

void runCommandLine(runSessionsCommand);
