import { useEffect, useReducer, type ComponentType } from 'react';

/**
 * A role's pages, loaded on first use. Not React.lazy: React holds back the reveal of a suspended
 * boundary for up to 300 ms once its chunk is in, and the page's own requests only start after
 * it shows; here the page renders in the frame after its chunk arrives, and `preload` lets the
 * chunk load beside the session check.
 */
export function lazySection(load: () => Promise<{ default: ComponentType }>) {
  let loaded: ComponentType | undefined;
  let pending: Promise<void> | undefined;
  const preload = () =>
    (pending ??= load().then((module) => {
      loaded = module.default;
    }));
  function Section() {
    const [, shown] = useReducer((n: number) => n + 1, 0);
    useEffect(() => {
      if (!loaded) void preload().then(shown);
    }, []);
    if (!loaded) return <p aria-busy="true">Loading…</p>;
    const Pages = loaded;
    return <Pages />;
  }
  return Object.assign(Section, { preload });
}
