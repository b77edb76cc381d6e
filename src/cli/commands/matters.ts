import type { Matter } from '../../shared/matters';
import { type CommandContext, printJson, usage, value } from '../context';
import { EXIT, type ExitCode } from '../exit-codes';

/** A matter named on the command line by its id or its exact name. */
export async function resolveMatter(context: CommandContext, idOrName: string): Promise<Matter> {
  const matters = await value(context.api.matters.list());
  const found = matters.find((m) => m.id === idOrName) ?? matters.find((m) => m.name === idOrName);
  if (!found) throw usage(`no matter "${idOrName}"`);
  return found;
}

/**
 * A matter as the command line prints it: in the lawyer's word, `analyses`
 * (the code's answers), as scripts have read it since the first release.
 */
const shown = ({ answers, ...matter }: Matter) => ({ ...matter, analyses: answers });

/** `matters list`, `matters create NAME`, `matters rename M NAME`, `matters remove M`. */
export async function mattersCommand([verb, ...rest]: string[], context: CommandContext): Promise<ExitCode> {
  if (verb === 'list' && rest.length === 0) {
    const matters = await value(context.api.matters.list());
    if (context.output.json) return printJson(context, matters.map(shown));
    for (const m of matters) context.io.stdout(`${m.id}\t${m.name}\t${m.documents} documents\t${m.answers} analyses\n`);
    return EXIT.ok;
  }
  if (verb === 'create' && rest.length === 1) {
    const matter = await value(context.api.matters.create({ name: rest[0] ?? '' }));
    if (context.output.json) return printJson(context, shown(matter));
    context.io.stdout(`${matter.id}\t${matter.name}\n`);
    return EXIT.ok;
  }
  if (verb === 'rename' && rest.length === 2) {
    const matter = await resolveMatter(context, rest[0] ?? '');
    const renamed = await value(context.api.matters.rename({ matterId: matter.id, name: rest[1] ?? '' }));
    return context.output.json ? printJson(context, shown(renamed)) : EXIT.ok;
  }
  if (verb === 'remove' && rest.length === 1) {
    const matter = await resolveMatter(context, rest[0] ?? '');
    const removed = await value(context.api.matters.remove({ matterId: matter.id }));
    // The ids are for the window's lists; a script gets the counts, as before.
    const { answers, documents, files } = removed;
    if (context.output.json) return printJson(context, { analyses: answers, documents, files });
    context.io.stdout(`${answers} analyses, ${documents} documents removed\n`);
    return EXIT.ok;
  }
  throw usage(`unknown command "matters ${[verb, ...rest].join(' ')}"`);
}
