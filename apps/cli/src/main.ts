#!/usr/bin/env node
// `enlace`: the operators' command line (npm run enlace -- --help). Each command group lives in its own folder.
import { Command } from 'commander';
import { auditCommand } from './audit/audit.command';
import { directoryCommand } from './directory/directory.command';
import { inboxCommand } from './inbox/inbox.command';
import { nodeCommand } from './node/node.command';
import { topicsCommand } from './topics/topics.command';

const program = new Command('enlace')
  .description(
    "Enlace's operator tool: a node's set-up, the network's topics, its directory, the inbox's set-aside messages " +
      'and the audit log',
  )
  .addCommand(nodeCommand())
  .addCommand(topicsCommand())
  .addCommand(directoryCommand())
  .addCommand(inboxCommand())
  .addCommand(auditCommand());

program.parseAsync().catch((error: Error) => {
  // The message only: a stack trace helps no operator, and no command puts a secret into an error.
  console.error(`enlace: ${error.message}`);
  process.exit(2);
});
