import { runSessionsCommand } from '../features/feedback/sessions-command';
import { runCommandLine } from './run-command';

void runCommandLine(runSessionsCommand);
