import { activitiesOf, registerActivities } from './activity-registry';

interface Greeting {
  greet(name: string): string;
}

class GreetingProvider implements Greeting {
  constructor(private readonly word: string) {}
  greet(name: string): string {
    return this.compose(name);
  }
  // A helper: never an activity.
  compose(name: string): string {
    return `${this.word}, ${name}`;
  }
}

describe('activity registry', () => {
  it('registers only the methods the contract names, bound to their provider', () => {
    const activities = activitiesOf<Greeting>(new GreetingProvider('Halo'), { greet: true });
    expect(Object.keys(activities)).toEqual(['greet']);
    expect((activities.greet as (name: string) => string)('Ani')).toBe('Halo, Ani');
  });

  it('refuses a name that two providers register, instead of letting the second replace the first', () => {
    const first = activitiesOf<Greeting>(new GreetingProvider('Halo'), { greet: true });
    const second = activitiesOf<Greeting>(new GreetingProvider('Selamat pagi'), { greet: true });
    expect(() => registerActivities(first, second)).toThrow('activity "greet" is registered by two providers');
  });

  it('refuses a listed name that is no method of the provider', () => {
    expect(() => activitiesOf<Greeting>({ greet: 'not a function' } as unknown as Greeting, { greet: true })).toThrow(
      'activity "greet" is not a method of its provider',
    );
  });
});
