import type { Matter, MatterRemoval } from '../../shared/matters';
import { type CommandContext, call, printJson, usage } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';

/** A matter named on the command line by its id or its exact name. */
export async function resolveMatter(context: CommandContext, idOrName: string): Promise<Matter> {
  const matters = (await call(context, 'matters:list', undefined)) as Matter[];
  const found = matters.find((m) => m.id === idOrName) ?? matters.find((m) => m.name === idOrName);
  if (!found) throw usage(`no matter "${idOrName}"`);
  return found;
}

/** `matters list`, `matters create NAME`, `matters rename M NAME`, `matters remove M`. */
export async function mattersCommand([verb, ...rest]: string[], context: CommandContext): Promise<ExitCode> {
  if (verb === 'list' && rest.length === 0) {
    const matters = (await call(context, 'matters:list', undefined)) as Matter[];
    if (context.output.json) return printJson(context, matters);
    for (const m of matters)
      context.io.stdout(`${m.id}\t${m.name}\t${m.documents} documents\t${m.analyses} analyses\n`);
    return EXIT.ok;
  }
  if (verb === 'create' && rest.length === 1) {
    const matter = (await call(context, 'matters:create', { name: rest[0] })) as Matter;
    if (context.output.json) return printJson(context, matter);
    context.io.stdout(`${matter.id}\t${matter.name}\n`);
    return EXIT.ok;
  }
  if (verb === 'rename' && rest.length === 2) {
    const matter = await resolveMatter(context, rest[0] ?? '');
    const renamed = (await call(context, 'matters:rename', { matterId: matter.id, name: rest[1] })) as Matter;
    return context.output.json ? printJson(context, renamed) : EXIT.ok;
  }
  if (verb === 'remove' && rest.length === 1) {
    const matter = await resolveMatter(context, rest[0] ?? '');
    const removed = (await call(context, 'matters:remove', { matterId: matter.id })) as MatterRemoval;
    if (context.output.json) return printJson(context, removed);
    context.io.stdout(`${removed.analyses} analyses, ${removed.documents} documents removed\n`);
    return EXIT.ok;
  }
  throw usage(`unknown command "matters ${[verb, ...rest].join(' ')}"`);
}
