/** An activity as the Temporal worker registers it: a function bound to its provider. */
export type ActivityFunction = (...args: never[]) => unknown;

/**
 * The activities of one provider: exactly the methods its contract names (`names` must list every
 * key of the contract and nothing else, which the compiler checks), bound to the provider. Helper
 * methods of the provider are never activities, whatever their visibility.
 */
export function activitiesOf<Contract extends object>(
  provider: Contract,
  names: Record<keyof Contract & string, true>,
): Record<string, ActivityFunction> {
  const bound: Record<string, ActivityFunction> = {};
  for (const name of Object.keys(names)) {
    const member = (provider as Record<string, unknown>)[name];
    if (typeof member !== 'function') throw new Error(`activity "${name}" is not a method of its provider`);
    bound[name] = (member as ActivityFunction).bind(provider);
  }
  return bound;
}

/**
 * All activities of the worker under their names. Temporal dispatches by name, so a name that two
 * providers register would silently route one provider's calls to the other: the worker refuses
 * to start instead.
 */
export function registerActivities(...groups: Record<string, ActivityFunction>[]): Record<string, ActivityFunction> {
  const all: Record<string, ActivityFunction> = {};
  for (const group of groups) {
    for (const [name, activity] of Object.entries(group)) {
      if (name in all) throw new Error(`activity "${name}" is registered by two providers`);
      all[name] = activity;
    }
  }
  return all;
}
