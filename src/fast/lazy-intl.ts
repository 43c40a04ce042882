// While a V8 startup snapshot is built, Intl objects cannot be serialised, yet modules create
// formatters as they load. Loaded first, this swaps Intl's constructors for ones whose instances
// create the real object on first use, and forgets every real object before the snapshot is
// written; after the snapshot is read back, Intl's own constructors are put back.
import v8 from 'node:v8';

type Constructor = new (...args: unknown[]) => object;

const KINDS = ['DateTimeFormat', 'NumberFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter', 'DisplayNames'] as const;

const intl = Intl as unknown as Record<string, Constructor>;
const originals = new Map<string, Constructor>();
const states: { real?: object }[] = [];

function deferred(Real: Constructor): Constructor {
  function Deferred(...args: unknown[]): object {
    const state: { real?: object } = {};
    states.push(state);
    const real = (): object => (state.real ??= new Real(...args));
    return new Proxy(Object.create(Real.prototype) as object, {
      get(_target, key) {
        const target = real();
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
  Object.setPrototypeOf(Deferred, Real); // static methods (supportedLocalesOf)
  Deferred.prototype = Real.prototype;
  return Deferred as unknown as Constructor;
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
  for (const kind of KINDS) {
    const Real = intl[kind];
    if (!Real) continue;
    originals.set(kind, Real);
    intl[kind] = deferred(Real);
  }
  v8.startupSnapshot.addSerializeCallback(() => {
    for (const s of states) delete s.real;
  });
  v8.startupSnapshot.addDeserializeCallback(() => {
    for (const [kind, Real] of originals) intl[kind] = Real;
  });
}
