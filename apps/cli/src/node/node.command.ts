import { Command } from 'commander';
import { countryCode } from '../cli-arguments';
import { CliOutput } from '../cli-output';
import { initNode } from './node-init';

/** `enlace node ...`: what one country's node needs before it first starts. */
export function nodeCommand(): Command {
  const node = new Command('node').description("one country's node: its keys, key-encryption key and settings");
  node
    .command('init')
    .description(
      "make the node's keys, its key-encryption key and its settings file in one folder (owner-only files); " +
        'keys already there are kept',
    )
    .requiredOption('-c, --country <CC>', "the node's country", countryCode)
    .requiredOption('-n, --network <name>', 'the network it joins')
    .requiredOption('-d, --dir <folder>', 'where the files go (created 0700)')
    .option('--oidc-issuer <url>', "the country's identity provider (production); without it, the development issuer")
    .option(
      '--user <username=role>',
      'a development user (repeatable; roles joined with +); its password is shown once',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        country: string;
        network: string;
        dir: string;
        oidcIssuer?: string;
        user: string[];
        json?: boolean;
      }) => {
        const output = new CliOutput(options.json === true);
        const result = await initNode({
          dir: options.dir,
          country: options.country,
          network: options.network,
          users: options.user,
          ...(options.oidcIssuer !== undefined && { oidcIssuer: options.oidcIssuer }),
        });
        output.say(`node ${options.country} of ${options.network}: files in ${result.dir}`);
        for (const file of [
          result.keysFile,
          result.publicKeysFile,
          result.caseKekFile,
          result.auditKeyFile,
          result.envFile,
        ]) {
          output.say(`  ${result.kept.includes(file) ? 'kept ' : 'wrote'} ${file}`);
        }
        if (result.usersFile !== undefined) {
          output.say(`  ${result.kept.includes(result.usersFile) ? 'kept ' : 'wrote'} ${result.usersFile}`);
        }
        for (const user of result.users) {
          output.say(`  user ${user.username} (${user.roles.join(', ')}): password ${user.password} (shown once)`);
        }
        output.say('next:');
        for (const step of result.next) output.say(`  - ${step}`);
        output.done(result);
      },
    );
  return node;
}
